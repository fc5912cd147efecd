package cnibench.module.spi;

/** Arguments a module does not accept; the message is Ansible's wording. */
public class ArgumentException extends RuntimeException {
    private final String argument;

    public ArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The offending argument, or null when the problem concerns several. */
    public String argument() {
        return argument;
    }
}
