package cnibench.module.spi;

/** Argument types as Ansible's argument spec names them. */
public enum ArgType {
    STR, BOOL, INT, FLOAT, LIST, DICT, PATH, RAW, JSONARG;

    public String ansibleName() {
        return name().toLowerCase();
    }
}
