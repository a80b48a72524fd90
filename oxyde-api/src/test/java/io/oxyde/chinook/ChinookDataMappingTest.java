package io.oxyde.chinook;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.RowSet;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real Chinook data, in SQLite's raw representations, reads into the models and writes back. */
class ChinookDataMappingTest {

    private final ChinookData data = ChinookData.load();

    @Test
    void everyTableReads() {
        assertThat(data.rows(Artist.class)).hasSize(275);
        assertThat(data.rows(Album.class)).hasSize(347);
        assertThat(data.rows(Track.class)).hasSize(3503);
        assertThat(data.rows(Employee.class)).hasSize(8);
        assertThat(data.rows(Customer.class)).hasSize(59);
        assertThat(data.rows(Invoice.class)).hasSize(412);
        assertThat(data.rows(InvoiceLine.class)).hasSize(2240);
        assertThat(data.rows(Playlist.class)).hasSize(18);
        assertThat(data.rows(PlaylistTrack.class)).hasSize(8715);
        assertThat(data.rows(Genre.class)).hasSize(25);
        assertThat(data.rows(MediaType.class)).hasSize(5);
    }

    @Test
    void valuesArriveTyped() {
        Track first = data.rows(Track.class).get(0);
        assertThat(first.name()).isEqualTo("For Those About To Rock (We Salute You)");
        assertThat(first.album().id()).isEqualTo(1L);
        assertThat(first.unitPrice()).isEqualTo(new BigDecimal("0.99"));
        assertThat(first.milliseconds()).isEqualTo(343719);
        Employee adams = data.rows(Employee.class).get(0);
        assertThat(adams.reportsTo()).isNull();
        assertThat(adams.birthDate()).isEqualTo(LocalDateTime.of(1962, 2, 18, 0, 0));
        Employee edwards = data.rows(Employee.class).get(1);
        assertThat(edwards.reportsTo().id()).isEqualTo(1L);
        assertThat(data.rows(Customer.class).get(0).supportRep().id()).isEqualTo(3L);
        assertThat(data.rows(Artist.class).get(0).albums()).as("not prefetched").isNull();
    }

    @Test
    void everyModelWritesBackWhatItRead() {
        for (Class<?> model : ChinookData.MODELS) {
            roundTrip(model);
        }
    }

    private <T> void roundTrip(Class<T> model) {
        ModelMapper<T> mapper = ModelMapper.of(model);
        List<T> rows = data.rows(model);
        RowSet typed = new RowSet(mapper.meta().fields().stream().map(f -> f.column()).toList(),
                rows.stream().map(mapper::toValues).toList());
        RowReader<T> reader = mapper.reader(typed.columns());
        assertThat(reader.readAll(typed.rows())).as(model.getSimpleName()).isEqualTo(rows);
    }
}
