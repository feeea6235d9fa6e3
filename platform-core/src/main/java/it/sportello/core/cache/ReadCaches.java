package it.sportello.core.cache;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.TenantContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the public reads thousands of times between two changes, kept on this node per Questura: the office page, the
 * practice list and the registry until a change is notified (or {@code sportello.read-cache.office} passes), free days
 * and times for {@code sportello.read-cache.availability}. A change forgets a Questura's entries at once by moving it
 * to a new generation, whatever the entry.
 */
@Component
@EnableConfigurationProperties(ReadCacheProperties.class)
public class ReadCaches {

	static final String PLATFORM = "platform";

	private final Cache<Key, Object> office;

	private final Cache<Key, Object> availability;

	private final boolean availabilityCached;

	private final Generations generations;

	private final TransactionTemplate readOnly;

	ReadCaches(ReadCacheProperties properties, PlatformTransactionManager transactions, Generations generations) {
		this.generations = generations;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.office = cache(properties.office(), properties.maximumEntries());
		this.availability = cache(properties.availability(), properties.maximumEntries());
		this.availabilityCached = !properties.availability().isZero();
	}

	/**
	 * What the current Questura's office says of itself (office page, practices, time zone), read on a miss in one
	 * read-only transaction.
	 */
	public <T> T office(String what, Object key, Supplier<T> load) {
		return get(office, schema(), what, key, () -> readOnly.execute(status -> load.get()));
	}

	/** Free days and times of the current Questura: may be a few seconds behind the bookings. */
	public <T> T availability(String what, Object key, Supplier<T> load) {
		return availabilityCached ? get(availability, schema(), what, key, load) : load.get();
	}

	/** What the platform's registry says (the Questure and their status). */
	public <T> T platform(String what, Object key, Supplier<T> load) {
		return get(office, PLATFORM, what, key, () -> readOnly.execute(status -> load.get()));
	}

	/**
	 * Which generation of the current Questura's data (or, outside one, of the registry's) this node holds: it changes
	 * whenever what the public reads of it changes, so what was built from that data may be kept under it.
	 */
	public long generation() {
		return generations.of(TenantContext.find().map(CurrentTenant::schema).orElse(PLATFORM));
	}

	/** Which generation of the registry (the Questure, their names) this node holds. */
	public long registryGeneration() {
		return generations.of(PLATFORM);
	}

	@SuppressWarnings("unchecked")
	private <T> T get(Cache<Key, Object> cache, String schema, String what, Object key, Supplier<T> load) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// inside a transaction what is read may be its own uncommitted writes, or entities it manages: never shared
			return load.get();
		}
		long generation = generations.of(schema);
		// a value read while a change was notified is stored under the generation it was read in, never after it
		return (T) cache.get(new Key(schema, generation, what, key), k -> load.get());
	}

	private static String schema() {
		CurrentTenant tenant = TenantContext.getRequired();
		return tenant.schema();
	}

	private static Cache<Key, Object> cache(Duration ttl, long maximumEntries) {
		return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumEntries).build();
	}

	private record Key(String schema, long generation, String what, Object key) {
	}
}
