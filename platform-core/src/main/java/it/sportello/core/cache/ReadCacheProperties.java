package it.sportello.core.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a node may keep what the public reads before it asks the database again.
 * @param office the office page, the practice list and the Questure: forgotten on every node as soon as a change is
 * notified; this bounds staleness only when a notification is lost (a node that was cut off from the database)
 * @param availability free days and free times: not notified on a booking, so this is how stale a page's free places
 * may be (the booking itself is decided by the database, never by this); zero turns this cache off
 * @param maximumEntries per cache, the least used go first
 */
@ConfigurationProperties("sportello.read-cache")
record ReadCacheProperties(@DefaultValue("60s") Duration office, @DefaultValue("5s") Duration availability,
		@DefaultValue("20000") long maximumEntries) {
}
