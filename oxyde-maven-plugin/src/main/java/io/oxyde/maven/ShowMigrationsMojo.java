package io.oxyde.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code oxyde:showmigrations}: lists the migrations with {@code [X]} applied and {@code [ ]}
 * pending on {@code url}, as {@code oxyde showmigrations} does.
 */
@Mojo(name = "showmigrations", requiresProject = true, threadSafe = true)
public class ShowMigrationsMojo extends AbstractOxydeMojo {

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("showmigrations"));
        args.addAll(databaseArguments());
        return args;
    }
}
