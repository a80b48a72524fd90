/**
 * Named HikariCP pools, bounded executors, transactions by id, and the one road into a pool:
 * {@code OxydeDriver.execute(pool, bytes)}.
 *
 * <p>HikariCP and {@code java.sql} are re-exported because {@code Pool.ownedHikariPool()},
 * {@code PoolRegistry.register(name, DataSource)} and {@code Isolation} name their types. The
 * JDBC drivers stay optional ({@code requires static}): the PostgreSQL driver is used for
 * LISTEN/NOTIFY and the SQLite driver for its error codes when they are present; a driver on the
 * module path is found through {@code java.sql.Driver}'s service binding, so an application need
 * not require it. {@code io.oxyde.driver.internal} is exported to the API module only.
 */
module io.oxyde.driver {
    requires transitive io.oxyde.codec;
    requires transitive io.oxyde.query;
    requires transitive java.sql;
    requires transitive com.zaxxer.hikari;
    requires org.slf4j;
    requires jdk.jfr;
    requires static org.postgresql.jdbc;
    requires static org.xerial.sqlitejdbc;

    exports io.oxyde.driver;
    exports io.oxyde.notify;
    exports io.oxyde.driver.internal to io.oxyde;
}
