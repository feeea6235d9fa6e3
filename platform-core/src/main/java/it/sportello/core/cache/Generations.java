package it.sportello.core.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Which generation of each schema's cached reads is current on this node: a change moves the schema to the next one,
 * and every entry read before it is no longer found. Apart from the caches, so that the transaction manager's
 * listener can tell it of a commit without needing the caches, which need the transaction manager.
 */
@Component
class Generations {

	private final Map<String, AtomicLong> current = new ConcurrentHashMap<>();

	long of(String schema) {
		return current.computeIfAbsent(schema, s -> new AtomicLong()).get();
	}

	/** Forgets what this node holds of the schema ({@code platform} for the registry). */
	void changed(String schema) {
		current.computeIfAbsent(schema, s -> new AtomicLong()).incrementAndGet();
	}

	/** Forgets everything: after this node may have missed notifications. */
	void changedEverywhere() {
		current.values().forEach(AtomicLong::incrementAndGet);
	}
}
