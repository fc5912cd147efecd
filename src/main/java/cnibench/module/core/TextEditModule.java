package cnibench.module.core;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/**
 * lineinfile, blockinfile and replace: they edit the text file named by path, refuse a directory, and fail
 * with the validate command's output when it rejects the new text, alike.
 */
abstract class TextEditModule extends FixedSpecModule {
    TextEditModule(ModuleSpec spec) {
        super(spec);
    }

    @Override
    public final ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        EditedFile file = EditedFile.of(ctx, args);
        if (file.isDirectory()) {
            return file.directoryFailure();
        }
        try {
            return edit(ctx, args, file);
        } catch (SafeWrite.ValidationFailure e) {
            return ModuleResult.failed(e.getMessage());
        }
    }

    abstract ModuleResult edit(ModuleContext ctx, Arguments args, EditedFile file) throws Exception;
}
