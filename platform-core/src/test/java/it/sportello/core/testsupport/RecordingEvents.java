package it.sportello.core.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import it.sportello.core.event.DomainEvent;
import org.springframework.context.event.EventListener;

/** A listener for tests: keeps the domain events the relay delivers, and can be made to fail. */
public class RecordingEvents {

	private final List<DomainEvent> received = new CopyOnWriteArrayList<>();

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile java.util.function.Consumer<DomainEvent> work = event -> {
	};

	@EventListener
	public void on(DomainEvent event) {
		if (failing.get()) {
			throw new IllegalStateException("listener down");
		}
		work.accept(event);
		received.add(event);
	}

	public List<DomainEvent> received() {
		return List.copyOf(received);
	}

	public void failing(boolean fail) {
		failing.set(fail);
		if (!fail) {
			work = event -> {
			};
		}
	}

	/** Work the listener does with each event before keeping it (SQL of its own, for example). */
	public void doing(java.util.function.Consumer<DomainEvent> work) {
		this.work = work;
	}
}
