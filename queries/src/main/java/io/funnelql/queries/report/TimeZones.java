package io.funnelql.queries.report;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Parses the time zones users name. */
public final class TimeZones {

    private TimeZones() {
    }

    /**
     * The zone with this IANA name ({@code Europe/Berlin}), or a fixed offset ({@code +02:00}, {@code UTC}).
     *
     * @throws BadQueryException naming the zone when it is unknown
     */
    public static ZoneId parse(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new BadQueryException("Unknown time zone '" + name + "'; use an IANA name such as "
                    + "Europe/Berlin or America/New_York, or UTC");
        }
    }
}
