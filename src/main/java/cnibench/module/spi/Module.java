package cnibench.module.spi;

/**
 * One module: a spec that is checked at load time and a run against one host. Implementations
 * are listed in META-INF/services/cnibench.module.spi.Module and must have a public no-argument
 * constructor; they are shared between hosts, so they keep no per-run state.
 */
public interface Module {
    ModuleSpec spec();

    /**
     * Runs the module. Arguments are already templated, validated and defaulted.
     * A failure the user should see is returned as {@link ModuleResult#failed(String)};
     * an exception is reported as a module failure with its message.
     */
    ModuleResult run(ModuleContext context, Arguments args) throws Exception;
}
