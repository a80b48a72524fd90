/**
 * Renders the query IR to parameterised SQL per dialect through jOOQ, cached per query shape.
 *
 * <p>jOOQ is an implementation detail (no jOOQ type is in this module's API), so it is read but
 * not re-exported. {@code io.oxyde.query.internal} is exported to the API module only, which
 * shares its bounded cache ({@code ClockCache}) for encoded query shapes.
 */
module io.oxyde.query {
    requires transitive io.oxyde.codec;
    requires org.jooq;

    exports io.oxyde.query;
    exports io.oxyde.query.internal to io.oxyde;
}
