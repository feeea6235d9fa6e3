package it.sportello.core.event;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers the outbox every few seconds; every node may run it, each event goes to one. */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class EventRelayJob {

	private final EventRelay relay;

	EventRelayJob(EventRelay relay) {
		this.relay = relay;
	}

	@Scheduled(fixedDelayString = "${sportello.events.relay-delay:2s}")
	void relay() {
		relay.publishPending();
	}
}
