package io.oxyde.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

    @ParameterizedTest
    @CsvSource({
        "InvoiceLine, invoice_line",
        "unitPrice, unit_price",
        "id, id",
        "Album, album",
        "HTMLParser, html_parser",
        "userID, user_id",
        "address2, address2",
        "line2Total, line2_total",
        "already_snake, already_snake",
        "mediaTypeId, media_type_id",
    })
    void snakeCase(String java, String sql) {
        assertThat(Naming.snakeCase(java)).isEqualTo(sql);
    }
}
