package cnibench.module.core;

import cnibench.executor.AsyncJobs;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.Map;

/** async_status: the state of a task started with async and poll: 0. */
public final class AsyncStatusModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("async_status").builtin()
            .description("Obtain status of an asynchronous task started with async and poll: 0.")
            .arg(ArgSpec.of("jid", ArgType.STR, "Job or task identifier (ansible_job_id of the started task).").asRequired())
            .arg(ArgSpec.of("mode", ArgType.STR, "status waits for nothing and reports; cleanup forgets the job.")
                    .choices("status", "cleanup").defaultValue("status"))
            .checkMode()
            .examples("""
                    - command: sleep 5
                      async: 60
                      poll: 0
                      register: job
                    - async_status:
                        jid: "{{ job.ansible_job_id }}"
                      register: status
                      until: status.finished
                      retries: 30
                      delay: 1
                    """)
            .build();

    public AsyncStatusModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        String jid = args.str("jid");
        if ("cleanup".equals(args.str("mode"))) {
            AsyncJobs.instance().cleanup(jid);
            return ModuleResult.ok().put("ansible_job_id", jid).put("erased", jid);
        }
        Map<String, Object> done;
        try {
            done = AsyncJobs.instance().poll(jid);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed("could not find job").put("ansible_job_id", jid).put("started", 1).put("finished", 1);
        }
        if (done == null) {
            return ModuleResult.ok().put("ansible_job_id", jid).put("started", 1).put("finished", 0);
        }
        ModuleResult result = ModuleResult.changed(Boolean.TRUE.equals(done.get("changed")));
        done.forEach((k, v) -> {
            if (!k.equals("changed") && !k.equals("failed") && !k.equals("msg")) {
                result.put(k, v);
            }
        });
        if (done.get("msg") != null) {
            result.msg(String.valueOf(done.get("msg")));
        }
        result.setFailed(Boolean.TRUE.equals(done.get("failed")));
        return result.put("ansible_job_id", jid).put("started", 1).put("finished", 1);
    }
}
