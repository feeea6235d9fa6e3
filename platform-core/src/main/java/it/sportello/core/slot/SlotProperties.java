package it.sportello.core.slot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far ahead slots exist, and when the nightly job extends them.
 * @param horizonDays how many days ahead slots are materialised
 * @param cron when the job that extends the horizon runs (Europe/Rome)
 * @param lockAtLeast how long one node keeps the job's lock, so that the other nodes skip the same run
 */
@ConfigurationProperties("sportello.slots")
record SlotProperties(@DefaultValue("60") int horizonDays, @DefaultValue("0 10 1 * * *") String cron,
		@DefaultValue("5m") Duration lockAtLeast) {
}
