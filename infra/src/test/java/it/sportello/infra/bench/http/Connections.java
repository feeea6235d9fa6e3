package it.sportello.infra.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A small HTTP/1.1 client for the generator: a fixed set of keep-alive connections on one selector thread, each
 * carrying one request at a time, and a queue of requests waiting for a free connection (their wait counts in their
 * latency, as a browser's would). Over the ceiling phase here it spent 124 µs of CPU a request, JIT included, where
 * the JDK's client spent about a millisecond (on a busier machine) and opened a connection per waiting request.
 */
final class Connections implements AutoCloseable {

	/** A request on its way: its bytes, its intended send time, and whether its answer's body is kept. */
	record Pending(byte[] bytes, long intended, boolean keepBody) {
	}

	/** What to do with an answer. */
	interface Answered {

		void answered(Pending request, int status, String body);
	}

	private final InetSocketAddress address;

	private final Selector selector;

	private final List<Connection> connections = new ArrayList<>();

	private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

	private final ArrayDeque<Connection> idle = new ArrayDeque<>();

	private int busy;

	Connections(String host, int port, int size) throws IOException {
		this.address = new InetSocketAddress(host, port);
		this.selector = Selector.open();
		for (int i = 0; i < size; i++) {
			connections.add(new Connection());
		}
	}

	void send(Pending request) {
		waiting.add(request);
	}

	/** Requests not answered yet: waiting for a connection or on one. */
	int outstanding() {
		return waiting.size() + busy;
	}

	/** Hands waiting requests to idle connections, then waits up to {@code nanos} for answers and handles them. */
	void poll(long nanos, Answered answered) throws IOException {
		while (!waiting.isEmpty() && !idle.isEmpty()) {
			idle.poll().start(waiting.poll());
		}
		if (nanos <= 0) {
			selector.selectNow();
		}
		else {
			// never spin: a request due within the millisecond leaves up to a millisecond late, counted in its latency
			selector.select(Math.max(1, (nanos + 999_999) / 1_000_000));
		}
		Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
		while (keys.hasNext()) {
			SelectionKey key = keys.next();
			keys.remove();
			((Connection) key.attachment()).ready(key, answered);
		}
	}

	@Override
	public void close() throws IOException {
		for (Connection connection : connections) {
			connection.closeChannel();
		}
		selector.close();
	}

	private final class Connection {

		private SocketChannel channel;

		private SelectionKey key;

		private Pending current;

		private ByteBuffer out;

		private ByteBuffer in = ByteBuffer.allocate(64 * 1024);

		Connection() throws IOException {
			open();
		}

		private void open() throws IOException {
			channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			key = channel.register(selector, channel.connect(address) ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
					this);
			if (channel.isConnected()) {
				idle.add(this);
			}
			in.clear();
		}

		void start(Pending request) throws IOException {
			current = request;
			busy++;
			out = ByteBuffer.wrap(request.bytes());
			channel.write(out);
			key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		void ready(SelectionKey ready, Answered answered) throws IOException {
			try {
				if (ready.isConnectable()) {
					channel.finishConnect();
					key.interestOps(SelectionKey.OP_READ);
					idle.add(this);
					return;
				}
				if (ready.isWritable()) {
					channel.write(out);
					if (!out.hasRemaining()) {
						key.interestOps(SelectionKey.OP_READ);
					}
					return;
				}
				if (!ready.isReadable()) {
					return;
				}
				if (!in.hasRemaining()) {
					ByteBuffer larger = ByteBuffer.allocate(in.capacity() * 2);
					in.flip();
					larger.put(in);
					in = larger;
				}
				int read = channel.read(in);
				if (read < 0) {
					fail(answered);
					return;
				}
				Response response = current == null ? null : Response.parse(in, current.keepBody());
				if (response != null) {
					Pending done = current;
					current = null;
					busy--;
					in.clear();
					if (response.close()) {
						reopen();
					}
					else {
						idle.add(this);
					}
					answered.answered(done, response.status(), response.body());
				}
			}
			catch (IOException ex) {
				fail(answered);
			}
		}

		/** The server closed the connection or it broke: the request in flight has no answer. */
		private void fail(Answered answered) throws IOException {
			Pending lost = current;
			if (lost != null) {
				current = null;
				busy--;
			}
			else {
				idle.remove(this);
			}
			reopen();
			if (lost != null) {
				answered.answered(lost, 0, null);
			}
		}

		private void reopen() throws IOException {
			closeChannel();
			open();
		}

		void closeChannel() throws IOException {
			key.cancel();
			channel.close();
		}
	}

	/** A whole answer read from a buffer, or null while it is not all there. */
	record Response(int status, boolean close, String body) {

		static Response parse(ByteBuffer in, boolean keepBody) {
			byte[] data = in.array();
			int length = in.position();
			int headerEnd = indexOf(data, 0, length, "\r\n\r\n");
			if (headerEnd < 0) {
				return null;
			}
			String head = new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase();
			int status = Integer.parseInt(head.substring(9, 12));
			boolean close = head.contains("\r\nconnection: close");
			int bodyStart = headerEnd + 4;
			int bodyEnd;
			String body;
			if (head.contains("\r\ntransfer-encoding: chunked")) {
				StringBuilder text = keepBody ? new StringBuilder() : null;
				int at = bodyStart;
				while (true) {
					int lineEnd = indexOf(data, at, length, "\r\n");
					if (lineEnd < 0) {
						return null;
					}
					String size = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip();
					int semicolon = size.indexOf(';');
					int chunk = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
					if (chunk == 0) {
						if (lineEnd + 4 > length) {
							return null;
						}
						bodyEnd = lineEnd + 4;
						break;
					}
					if (lineEnd + 2 + chunk + 2 > length) {
						return null;
					}
					if (text != null) {
						text.append(new String(data, lineEnd + 2, chunk, StandardCharsets.UTF_8));
					}
					at = lineEnd + 2 + chunk + 2;
				}
				body = text == null ? null : text.toString();
			}
			else {
				int contentLength = 0;
				int header = head.indexOf("\r\ncontent-length:");
				if (header >= 0) {
					int end = head.indexOf("\r\n", header + 2);
					contentLength = Integer.parseInt(
							head.substring(header + 17, end < 0 ? head.length() : end).strip());
				}
				bodyEnd = bodyStart + contentLength;
				if (bodyEnd > length) {
					return null;
				}
				body = keepBody ? new String(data, bodyStart, contentLength, StandardCharsets.UTF_8) : null;
			}
			return new Response(status, close, body);
		}

		private static int indexOf(byte[] data, int from, int to, String what) {
			outer: for (int i = from; i <= to - what.length(); i++) {
				for (int j = 0; j < what.length(); j++) {
					if (data[i + j] != what.charAt(j)) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}
	}
}
