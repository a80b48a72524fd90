package io.oxyde.testkit.internal;

import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import io.oxyde.testkit.TestDatabases;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

/**
 * The engine of {@link io.oxyde.testkit.AllDatabases}: one invocation per database kind, each
 * with an isolated database created before the test and dropped after it.
 */
public final class AllDatabasesExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AllDatabasesExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return selectedKinds().stream().map(Invocation::new);
    }

    /** All kinds, or those named in OXYDE_TEST_DATABASES (never narrowed when CI=true). */
    static List<DatabaseKind> selectedKinds() {
        String only = System.getenv("OXYDE_TEST_DATABASES");
        if (only == null || only.isBlank() || isCi()) {
            return List.of(DatabaseKind.values());
        }
        List<String> names = Arrays.stream(only.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        return Arrays.stream(DatabaseKind.values()).filter(k -> names.contains(k.label())).toList();
    }

    /**
     * What a missing server means: under CI a failure (a missing database must never pass as
     * a skip), locally a skipped invocation.
     */
    static RuntimeException unavailable(String problem, boolean ci) {
        if (ci) {
            return new IllegalStateException("CI=true and " + problem);
        }
        return new TestAbortedException(problem);
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** One run of the test on one database kind. */
    private static final class Invocation implements TestTemplateInvocationContext {
        private final DatabaseKind kind;

        Invocation(DatabaseKind kind) {
            this.kind = kind;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Lifecycle(kind));
        }
    }

    /** Creates the database before each invocation, resolves the parameter, drops it after. */
    private static final class Lifecycle implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
        private final DatabaseKind kind;

        Lifecycle(DatabaseKind kind) {
            this.kind = kind;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            context.getStore(NAMESPACE).put(kind, StandaloneDatabases.open(kind));
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            TestDatabases.Owned db = context.getStore(NAMESPACE).remove(kind, TestDatabases.Owned.class);
            if (db != null) {
                db.close();
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            TestDatabases.Owned db = extensionContext.getStore(NAMESPACE).get(kind, TestDatabases.Owned.class);
            if (db == null) {
                throw new ParameterResolutionException("no " + kind.label() + " database was created for this test");
            }
            return db;
        }
    }
}
