package io.oxyde.opentelemetry;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Spans read back from the SDK's in-memory exporter after real statements on each database. */
class OxydeTracingTest {

    private static final AtomicInteger POOLS = new AtomicInteger();

    @AllDatabases
    void aClientSpanPerStatementUnderTheCallersSpanWithoutValues(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-otel");
        Migrations.makeMigrations(List.of(Sensor.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
        String pool = "otel_" + POOLS.incrementAndGet();
        Span request = otel.getTracer("test").spanBuilder("GET /sensors").startSpan();
        try (Oxyde db = Oxyde.connect(pool, tdb.oxydeUrl()); OxydeTracing tracing = OxydeTracing.install(otel)) {
            try (Scope scope = request.makeCurrent()) {
                Sensor s = await(db.objects(Sensor.class).create(new Sensor(null, "secret-name")));
                assertThat(await(db.objects(Sensor.class).filter("name", "secret-lookup").all())).isEmpty();
                assertThatThrownBy(() -> await(db.objects(Sensor.class).create(new Sensor(s.id(), "secret-dup"))))
                        .isInstanceOf(UniqueViolationException.class);
            } finally {
                request.end();
            }
        }
        List<SpanData> spans = exporter.getFinishedSpanItems().stream()
                .filter(d -> pool.equals(d.getAttributes().get(AttributeKey.stringKey("oxyde.pool")))).toList();
        provider.close(); // also clears the in-memory exporter
        assertThat(spans).extracting(SpanData::getName).containsExactly("INSERT sensor", "SELECT sensor", "INSERT sensor");
        String system = switch (tdb.kind()) {
            case SQLITE -> "sqlite";
            case POSTGRES -> "postgresql";
            case MARIADB -> "mariadb";
        };
        for (SpanData span : spans) {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getParentSpanId()).as("child of the caller's span").isEqualTo(request.getSpanContext().getSpanId());
            assertThat(span.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo(system);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isEqualTo("sensor");
            assertThat(span.getAttributes().get(AttributeKey.stringKey("oxyde.model"))).isEqualTo("Sensor");
            assertThat(span.getAttributes().get(AttributeKey.stringKey("db.query.text"))).contains("?");
            assertThat(span.getAttributes().toString()).as("no value in any attribute").doesNotContain("secret");
            assertThat(span.getEvents()).as("no exception event (its message may quote values)").isEmpty();
        }
        assertThat(spans.get(1).getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("SELECT");
        assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        SpanData failed = spans.get(2);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo(UniqueViolationException.class.getName());
        assertThat(failed.getAttributes().get(AttributeKey.stringKey("oxyde.outcome"))).isEqualTo("error");
    }
}
