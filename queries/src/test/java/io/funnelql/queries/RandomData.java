package io.funnelql.queries;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;

/**
 * Random contacts, deals and spend for equivalence tests: every deal type and status, missing MRR, churns
 * before and after the close, deals without or with unknown contacts, blank and unmapped sources, and
 * correcting second loads.
 */
public final class RandomData {

    static final String[] RAW_SOURCES = {"ORGANIC_SEARCH", "Paid Search", "outbound", "events", "partner-newsletter", ""};
    static final String[] SPEND_SOURCES = {"PAID_SEARCH", "paid_social", "display", "events", "podcast"};
    static final String[] TYPES = {"new", "new", "new", "expansion", "renewal", "churn", ""};
    static final String[] STATUSES = {"won", "won", "won", "won", "lost", "open"};
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RandomData() {
    }

    /** Contacts, deals and spend, each loaded twice: the second load corrects some records and adds others. */
    public static void load(Warehouse warehouse, Random random) {
        Fixtures.load(warehouse, Dataset.CONTACTS, contacts(random, 0, 150));
        Fixtures.load(warehouse, Dataset.DEALS, deals(random, 0, 300));
        Fixtures.load(warehouse, Dataset.SPEND, spend(random, 0, 200));
        Fixtures.load(warehouse, Dataset.DEALS, deals(random, 240, 360));
        Fixtures.load(warehouse, Dataset.CONTACTS, contacts(random, 120, 170));
        Fixtures.load(warehouse, Dataset.SPEND, spend(random, 150, 250));
    }

    static String contacts(Random random, int first, int last) {
        StringBuilder csv = new StringBuilder("contact_id,created_at,source,lead_at,mql_at,sql_at,customer_at\n");
        for (int i = first; i < last; i++) {
            LocalDateTime created = LocalDateTime.of(2022, 6, 1, 0, 0).plusMinutes(random.nextInt(2 * 365 * 24 * 60));
            csv.append('c').append(i).append(',').append(STAMP.format(created)).append(',')
                    .append(RAW_SOURCES[random.nextInt(RAW_SOURCES.length)]);
            // Each stage maybe, mostly after creation, sometimes before it (messy data).
            for (int stage = 0; stage < 4; stage++) {
                csv.append(',');
                if (random.nextDouble() < 0.5 - 0.1 * stage) {
                    csv.append(STAMP.format(created.plusMinutes(random.nextInt(200 * 24 * 60) - (random.nextDouble() < 0.05 ? 30 * 24 * 60 : 0))));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String deals(Random random, int first, int last) {
        StringBuilder csv = new StringBuilder("deal_id,amount,closed_at,contact_id,status,type,mrr,churned_at\n");
        for (int i = first; i < last; i++) {
            LocalDateTime closed = LocalDateTime.of(2022, 9, 1, 0, 0).plusMinutes(random.nextInt(3 * 365 * 24 * 60));
            double draw = random.nextDouble();
            // Mostly known contacts (several deals each), some without a contact, some with an unknown one.
            String contact = draw < 0.1 ? "" : draw < 0.15 ? "ghost" + random.nextInt(5) : "c" + random.nextInt(170);
            String churned = "";
            if (random.nextDouble() < 0.3) {
                // Mostly after the close; sometimes before it (messy data).
                churned = STAMP.format(closed.plusDays(random.nextInt(500) - (random.nextDouble() < 0.1 ? 600 : 0)));
            }
            csv.append('d').append(i).append(',').append(100 * (1 + random.nextInt(200))).append(',')
                    .append(STAMP.format(closed)).append(',').append(contact).append(',')
                    .append(STATUSES[random.nextInt(STATUSES.length)]).append(',')
                    .append(TYPES[random.nextInt(TYPES.length)]).append(',')
                    .append(random.nextDouble() < 0.1 ? "" : String.valueOf(10 * (1 + random.nextInt(300)) + 0.25)).append(',')
                    .append(churned).append('\n');
        }
        return csv.toString();
    }

    static String spend(Random random, int first, int last) {
        StringBuilder csv = new StringBuilder("date,source,amount,campaign\n");
        for (int i = first; i < last; i++) {
            LocalDate date = LocalDate.of(2022, 6, 1).plusDays(random.nextInt(3 * 365));
            csv.append(date).append(',').append(SPEND_SOURCES[random.nextInt(SPEND_SOURCES.length)]).append(',')
                    .append(random.nextInt(5000)).append(".5,campaign-").append(i).append('\n');
        }
        return csv.toString();
    }
}
