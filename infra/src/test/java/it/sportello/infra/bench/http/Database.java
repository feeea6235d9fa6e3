package it.sportello.infra.bench.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The benchmark's own look into the application's database: the associations and API keys it books with, the
 * transaction counter of the idle phase, and the places sold beyond capacity.
 */
final class Database implements AutoCloseable {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final String SECRET = "benchsecret23456789234567892345678923456";

	private final Connection connection;

	Database(String url) throws SQLException {
		connection = DriverManager.getConnection(url, "postgres", "");
	}

	/** The Questure open now, by slug. */
	List<String> slugs() throws SQLException {
		return strings("select slug from platform.tenant where status = 'ACTIVE' order by id");
	}

	/**
	 * Approved associations with a plan large enough for the whole run, and API keys spread over them (each key books
	 * only a few times, under the booking limit of the key). As an operator would have them, written directly: issuing
	 * thousands of keys through the pages is not what is measured.
	 */
	List<String> associationKeys(int associations, int keys) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement insert = connection.prepareStatement("insert into platform.association (name,"
				+ " tax_number, pec, status, plan_code, quota, entitlement) values (?, ?, ?, 'APPROVED', 'PROTOCOLLO',"
				+ " 1000000, 'ACTIVE') returning id")) {
			for (int i = 0; i < associations; i++) {
				insert.setString(1, "Patronato del benchmark " + i);
				insert.setString(2, "BENCH" + System.nanoTime() % 1_000_000 + i);
				insert.setString(3, "bench" + i + "@pec.example.it");
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					ids.add(rs.getLong(1));
				}
			}
		}
		List<String> issued = new ArrayList<>();
		String hash = sha256(SECRET);
		try (PreparedStatement insert = connection.prepareStatement("insert into platform.api_key (prefix, secret_hash,"
				+ " label, association_id) values (?, ?, 'benchmark', ?)")) {
			for (int i = 0; i < keys; i++) {
				String prefix = prefix(ids.get(0) * 1_000_003L + i);
				insert.setString(1, prefix);
				insert.setString(2, hash);
				insert.setLong(3, ids.get(i % ids.size()));
				insert.addBatch();
				issued.add("sk_" + prefix + "." + SECRET);
			}
			insert.executeBatch();
		}
		return issued;
	}

	/** Committed and rolled-back transactions of the application's database so far. */
	long transactions() throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select xact_commit + xact_rollback from pg_stat_database"
						+ " where datname = current_database()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Places booked beyond a slot's capacity in every Questura, counted from the booking rows. */
	long oversold() throws SQLException {
		long oversold = 0;
		for (String schema : strings("select schema_name from platform.tenant")) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select coalesce(sum(greatest(b.n - s.capacity, 0)), 0) from"
							+ " (select slot_id, count(*) as n from " + schema + ".booking where status in ('BOOKED',"
							+ " 'CHECKED_IN') group by slot_id) b join " + schema + ".slot s on s.id = b.slot_id")) {
				rs.next();
				oversold += rs.getLong(1);
			}
		}
		return oversold;
	}

	/** Bookings made through the API by the benchmark's associations, in every Questura. */
	long benchBookings() throws SQLException {
		long booked = 0;
		for (String schema : strings("select schema_name from platform.tenant")) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select count(*) from " + schema + ".booking b join"
							+ " platform.association a on a.id = b.association_id where a.name like 'Patronato del"
							+ " benchmark %' and b.status = 'BOOKED'")) {
				rs.next();
				booked += rs.getLong(1);
			}
		}
		return booked;
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

	private List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	/** An 8-character key prefix in the alphabet of issued keys, from a number. */
	private static String prefix(long number) {
		char[] chars = new char[8];
		for (int i = 7; i >= 0; i--) {
			chars[i] = ALPHABET.charAt((int) (number % ALPHABET.length()));
			number /= ALPHABET.length();
		}
		return new String(chars);
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
