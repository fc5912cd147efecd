package cnibench.config;

/** A config file or option that cannot be used (exit code 5, as ansible-playbook's options errors). */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
