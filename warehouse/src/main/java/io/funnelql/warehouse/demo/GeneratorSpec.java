package io.funnelql.warehouse.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: the size of the synthetic company's data, its seed and the last day it covers.
 *
 * <p>The data covers the three years that end on {@code until} (inclusive), in the warehouse's workspace
 * time zone. The same spec always produces the same rows in every table.
 *
 * @param contacts CRM contacts, at least 1 and at most {@value #MAX_CONTACTS}; deals, spend and targets
 *        follow from them
 * @param sessions website sessions, from 0 to {@value #MAX_SESSIONS}; independent of {@code contacts}
 * @param seed any number; different seeds give different but equally shaped data
 * @param until the last day of the data, between {@link #EARLIEST_UNTIL} and {@link #LATEST_UNTIL}
 */
public record GeneratorSpec(long contacts, long sessions, long seed, LocalDate until) {

    /** The demo data set's contacts. */
    public static final long DEMO_CONTACTS = 50_000;
    /** The demo data set's sessions. */
    public static final long DEMO_SESSIONS = 1_000_000;
    /** The demo data set's seed. */
    public static final long DEMO_SEED = 42;

    /** The most contacts: far beyond one machine, and clear of overflow in the generator's arithmetic. */
    public static final long MAX_CONTACTS = 1_000_000_000L;
    /** The most sessions, for the same reasons. */
    public static final long MAX_SESSIONS = 10_000_000_000L;

    /** The earliest {@code until}: keeps the window (three years back) after 1900, where dates are valid. */
    public static final LocalDate EARLIEST_UNTIL = LocalDate.of(1904, 1, 1);
    /** The latest {@code until}: keeps open deals' expected close dates (months ahead) before 2100. */
    public static final LocalDate LATEST_UNTIL = LocalDate.of(2098, 12, 31);

    public GeneratorSpec {
        Objects.requireNonNull(until, "until");
        if (contacts < 1 || contacts > MAX_CONTACTS) {
            throw new IllegalArgumentException("contacts must be between 1 and " + MAX_CONTACTS + ", got " + contacts);
        }
        if (sessions < 0 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be between 0 and " + MAX_SESSIONS + ", got " + sessions);
        }
        if (until.isBefore(EARLIEST_UNTIL) || until.isAfter(LATEST_UNTIL)) {
            throw new IllegalArgumentException("until must be between " + EARLIEST_UNTIL + " and " + LATEST_UNTIL + ", got " + until);
        }
    }

    /** The demo data set: {@value #DEMO_CONTACTS} contacts, {@value #DEMO_SESSIONS} sessions, seed {@value #DEMO_SEED}. */
    public static GeneratorSpec demo(LocalDate until) {
        return new GeneratorSpec(DEMO_CONTACTS, DEMO_SESSIONS, DEMO_SEED, until);
    }

    /** The first day of the data: three years before {@code until}, plus one day. */
    public LocalDate from() {
        return until.minusYears(3).plusDays(1);
    }
}
