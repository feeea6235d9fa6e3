package it.sportello.core.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Keeps every Questura's slots materialised up to the horizon. Run by the nightly job and at start on whichever node
 * takes the lock first; the others skip that run.
 */
@Service
@EnableConfigurationProperties(SlotProperties.class)
public class SlotHorizon {

	static final String LOCK = "slot-horizon";

	private static final Logger log = LoggerFactory.getLogger(SlotHorizon.class);

	private final Tenants tenants;

	private final SlotGenerator generator;

	private final OfficeProfiles profiles;

	private final LockingTaskExecutor locks;

	private final SlotProperties properties;

	SlotHorizon(Tenants tenants, SlotGenerator generator, OfficeProfiles profiles, LockingTaskExecutor locks,
			SlotProperties properties) {
		this.tenants = tenants;
		this.generator = generator;
		this.profiles = profiles;
		this.locks = locks;
		this.properties = properties;
	}

	/** Extends every active Questura if no other node is doing so; returns whether this node did. */
	public boolean extendAllOnce() {
		LockConfiguration lock = new LockConfiguration(Instant.now(), LOCK, properties.lockAtLeast().plusMinutes(30),
				properties.lockAtLeast());
		try {
			return locks.executeWithLock((LockingTaskExecutor.TaskWithResult<Integer>) this::extendAll, lock).wasExecuted();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Extends every active Questura; one that fails is logged and does not stop the others. */
	public int extendAll() {
		int added = 0;
		for (Tenant tenant : tenants.findAllActive()) {
			try {
				added += TenantContext.callAs(tenant.asCurrent(), this::extend);
			}
			catch (RuntimeException ex) {
				log.error("The slots of {} could not be extended", tenant.getSlug(), ex);
			}
		}
		log.info("Slot horizon extended: {} slots added", added);
		return added;
	}

	/** Extends the current Questura up to the horizon; returns how many slots were added. */
	public int extend() {
		LocalDate today = today();
		return generator.generate(today, today.plusDays(properties.horizonDays()));
	}

	/** After the current Questura's hours changed: its future free slots are built again; booked ones stay. */
	public int rebuild() {
		LocalDate today = today();
		return generator.regenerateAll(today, today.plusDays(properties.horizonDays()));
	}

	private LocalDate today() {
		ZoneId zone = profiles.getRequired().getTimeZone();
		return LocalDate.now(zone);
	}
}
