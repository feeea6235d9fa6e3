package it.sportello.core.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SlotHorizonTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	SlotHorizon horizon;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoNodesStartingTheNightlyJobTogetherRunItOnce() throws Exception {
		Agenda agenda = new AgendaFixtures(context).newQuestura("monza");
		CountDownLatch start = new CountDownLatch(1);

		List<CompletableFuture<Boolean>> nodes = List.of(CompletableFuture.supplyAsync(() -> run(start, horizon)),
				CompletableFuture.supplyAsync(() -> run(start, horizon)));
		start.countDown();

		assertThat(nodes.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
		int slots = jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".slot", Integer.class);
		assertThat(slots).as("every morning of the horizon, 12 slots each").isGreaterThan(40 * 12);
		assertThat(jdbc.queryForObject("select count(*) from (select service_line_id, starts_at from "
				+ agenda.tenant().schema() + ".slot group by 1, 2 having count(*) > 1) d", Integer.class)).isZero();
	}

	private static boolean run(CountDownLatch start, SlotHorizon horizon) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return horizon.extendAllOnce();
	}
}
