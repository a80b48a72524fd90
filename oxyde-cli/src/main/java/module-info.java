/**
 * The {@code oxyde} command line: {@code OxydeCli.main}, and {@code newCommandLine} for tools
 * that run the commands in-process (the Maven plugin). picocli is re-exported because
 * {@code newCommandLine} returns its {@code CommandLine}; picocli builds the commands from their
 * annotated fields, so both packages are open to it alone. The command classes themselves stay
 * unexported.
 */
module io.oxyde.cli {
    requires transitive info.picocli;
    requires io.oxyde;

    exports io.oxyde.cli;

    opens io.oxyde.cli to info.picocli;
    opens io.oxyde.cli.internal to info.picocli;
}
