package cnibench.module.spi;

/** A module whose spec is a constant handed over by the subclass, for the base classes of module families. */
public abstract class FixedSpecModule implements Module {
    private final ModuleSpec spec;

    protected FixedSpecModule(ModuleSpec spec) {
        this.spec = spec;
    }

    @Override
    public final ModuleSpec spec() {
        return spec;
    }
}
