package cnibench.template;

import com.hubspot.jinjava.interpret.Context;

/** Registers every Ansible filter family on a Jinjava context. */
final class FilterCatalog {
    private final Context context;

    private FilterCatalog(Context context) {
        this.context = context;
    }

    static void registerAll(Context context) {
        FilterCatalog catalog = new FilterCatalog(context);
        CoreFilters.register(catalog);
        CollectionFilters.register(catalog);
        RegexFilters.register(catalog);
        EncodingFilters.register(catalog);
        PathFilters.register(catalog);
        NetworkFilters.register(catalog);
        DateFilters.register(catalog);
        IterFilters.register(catalog);
        TextFilters.register(catalog);
        MathFilters.register(catalog);
        PasswordFilters.register(catalog);
    }

    void add(String name, AnsibleFilter.Body body) {
        context.registerFilter(new AnsibleFilter(name, body, false));
    }

    /**
     * For filters whose text result Ansible never reads back as data (its STRING_TYPE_FILTERS:
     * string, to_json, to_nice_json, to_yaml, to_nice_yaml).
     */
    void addText(String name, AnsibleFilter.Body body) {
        add(name, (value, args) -> RenderSession.current().keepAsText((String) body.apply(value, args)));
    }

    /** For the filters whose job is to handle an undefined value (default, mandatory). */
    void addAcceptingUndefined(String name, AnsibleFilter.Body body) {
        context.registerFilter(new AnsibleFilter(name, body, true));
    }
}
