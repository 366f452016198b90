package dev.latchkey.apikey;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.latchkey.InvalidInputException;

/**
 * The addresses a key may be used from: IPv4 and IPv6 addresses and CIDR ranges, stored normalised (a range by its
 * network address, IPv6 in RFC 5952 form). Empty: anywhere.
 */
public final class IpAllowlist {

	public static final int MAX_ENTRIES = 100;

	public static final IpAllowlist ANYWHERE = new IpAllowlist(List.of());

	private final List<Entry> entries;

	private IpAllowlist(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	private record Entry(byte[] network, int prefix, String text) {

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[full] & mask) == (this.network[full] & mask);
		}

	}

	/** @param field the field a complaint names */
	public static IpAllowlist parse(Collection<String> requested, String field) {
		if (requested == null) {
			return ANYWHERE;
		}
		Set<String> seen = new LinkedHashSet<>();
		List<Entry> entries = new ArrayList<>();
		for (String raw : requested) {
			String text = (raw != null) ? raw.strip() : "";
			if (text.isEmpty()) {
				continue;
			}
			Entry entry = entry(text, field);
			if (seen.add(entry.text())) {
				entries.add(entry);
			}
		}
		if (entries.size() > MAX_ENTRIES) {
			throw new InvalidInputException(field, field + " may hold at most " + MAX_ENTRIES + " addresses and ranges");
		}
		return new IpAllowlist(entries);
	}

	static IpAllowlist fromColumn(String column) {
		if (column == null || column.isBlank()) {
			return ANYWHERE;
		}
		return parse(Arrays.asList(column.trim().split(" +")), "allowed_ips");
	}

	String toColumn() {
		return String.join(" ", list());
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	public List<String> list() {
		return this.entries.stream().map(Entry::text).toList();
	}

	/** @param clientAddress an IP literal as the servlet container gives it; {@code null} for unknown */
	public boolean allows(String clientAddress) {
		if (this.entries.isEmpty()) {
			return true;
		}
		byte[] address = (clientAddress != null) ? literal(clientAddress) : null;
		if (address == null) {
			return false;
		}
		for (Entry entry : this.entries) {
			if (entry.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static Entry entry(String text, String field) {
		String address = text;
		Integer prefix = null;
		int slash = text.indexOf('/');
		if (slash >= 0) {
			address = text.substring(0, slash);
			String bits = text.substring(slash + 1);
			if (!bits.matches("[0-9]{1,3}")) {
				throw invalid(text, field);
			}
			prefix = Integer.valueOf(bits);
		}
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw invalid(text, field);
		}
		int max = bytes.length * 8;
		if (prefix != null && prefix > max) {
			throw invalid(text, field);
		}
		int bits = (prefix != null) ? prefix : max;
		byte[] network = bytes.clone();
		for (int i = 0; i < network.length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			network[i] = (byte) (network[i] & ((0xff << (8 - keep)) & 0xff));
		}
		String normal = format(network) + ((bits == max) ? "" : "/" + bits);
		return new Entry(network, bits, normal);
	}

	/**
	 * The bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 address as IPv4), or {@code null}. Only literals
	 * reach {@link InetAddress}, so no name is ever looked up in DNS.
	 */
	static byte[] literal(String text) {
		boolean v4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
		boolean v6 = !v4 && text.contains(":") && text.matches("[0-9a-fA-F:.]{2,45}");
		if (!v4 && !v6) {
			return null;
		}
		if (v4) {
			for (String part : text.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return null;
				}
			}
		}
		try {
			return InetAddress.getByName(v6 ? "[" + text + "]" : text).getAddress();
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static InvalidInputException invalid(String text, String field) {
		String shown = (text.length() > 50) ? text.substring(0, 50) + "…" : text;
		return new InvalidInputException(field,
				"“" + shown + "” is not an IPv4 or IPv6 address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32");
	}

	/** IPv4 dotted, IPv6 in RFC 5952 form: lower case, leading zeros dropped, the longest run of zeros as ::. */
	private static String format(byte[] bytes) {
		if (bytes.length == 4) {
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
		}
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			if (groups[i] != 0) {
				i++;
				continue;
			}
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = j;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append("::");
				i += bestLength - 1;
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
				out.append(':');
			}
			out.append(Integer.toHexString(groups[i]));
		}
		return out.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpAllowlist list && list.list().equals(list());
	}

	@Override
	public int hashCode() {
		return list().hashCode();
	}

	@Override
	public String toString() {
		return toColumn();
	}

}
