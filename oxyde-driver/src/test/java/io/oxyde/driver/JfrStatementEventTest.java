package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** The JFR event io.oxyde.Statement, read back from a real recording. */
class JfrStatementEventTest {

    @AllDatabases
    void everyStatementIsRecordedWithItsShapeRowsAndDurationButNoValues(TestDatabase db) throws Exception {
        Path file = Files.createTempFile("oxyde", ".jfr");
        // a table of its own per database: JDK 17's JFR string pool may leave out (N/A) a string
        // it already sent in an earlier recording of the same JVM, and these SQL texts would repeat
        String table = "jfr_" + db.kind().label();
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE " + table + " (n INTEGER PRIMARY KEY, label VARCHAR(20))");
            try (Recording recording = new Recording()) {
                recording.enable("io.oxyde.Statement");
                recording.start();
                f.sql("INSERT INTO " + table + " (n, label) VALUES (?, ?), (?, ?)", 1, "secret-one", 2, "secret-two");
                f.rows("SELECT n FROM " + table + " WHERE label <> ?", "secret-three");
                DriverFixture.failure(f.driver.execute(DriverFixture.POOL, DriverFixture.raw("INSERT INTO " + table + " (n) VALUES (1)")));
                recording.stop();
                recording.dump(file);
            }
            f.sql("SELECT 1"); // not recording: no event, no failure
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("io.oxyde.Statement"))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList();
        Files.delete(file);
        assertThat(events).as(events.toString()).hasSize(3);
        RecordedEvent insert = events.get(0);
        assertThat(insert.getString("pool")).isEqualTo("main");
        assertThat(insert.getString("sql")).as(events.toString()).isEqualTo("INSERT INTO " + table + " (n, label) VALUES (?, ?), (?, ?)");
        assertThat(insert.getLong("rows")).isEqualTo(2);
        assertThat(insert.getInt("binds")).isEqualTo(4);
        assertThat(insert.getBoolean("succeeded")).isTrue();
        assertThat(insert.getDuration().toNanos()).isPositive();
        RecordedEvent select = events.get(1);
        assertThat(select.getLong("rows")).isEqualTo(2);
        assertThat(select.getString("dialect")).isEqualTo(dialectName(db));
        RecordedEvent failed = events.get(2);
        assertThat(failed.getBoolean("succeeded")).isFalse();
        assertThat(failed.getLong("rows")).isEqualTo(-1);
        assertThat(failed.getString("error")).isNotBlank();
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("secret"));
    }

    private static String dialectName(TestDatabase db) {
        return switch (db.kind()) {
            case SQLITE -> "SQLITE";
            case POSTGRES -> "POSTGRES";
            case MARIADB -> "MARIADB";
        };
    }
}
