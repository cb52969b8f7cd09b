/** JDBC storage: embedded H2 or PostgreSQL, connection pool and Flyway migrations. */
@NullMarked
package io.rampart.core.storage;

import org.jspecify.annotations.NullMarked;
