package cnibench.template;

/**
 * A map of variables that templates its values itself when they are read (hostvars and each host's
 * entry in it). The templar neither scans nor templates such a map: its entries can refer back to
 * the map, and reading all of them would compute every host's variables.
 */
public interface LazyVariables {
}
