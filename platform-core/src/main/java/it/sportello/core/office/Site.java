package it.sportello.core.office;

import it.sportello.core.text.LocalizedText;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** An address where an office receives the public (Genova has the Questura and a branch). */
@Entity
public class Site {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private int position;

	@Embedded
	@EmbeddedColumnNaming("name_%s")
	private LocalizedText name;

	private String address;

	private String postalCode;

	private String city;

	protected Site() {
	}

	public Site(String code, int position, LocalizedText name, String address, String postalCode, String city) {
		this.code = code;
		this.position = position;
		this.name = name;
		this.address = address;
		this.postalCode = postalCode;
		this.city = city;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public int getPosition() {
		return position;
	}

	public LocalizedText getName() {
		return name;
	}

	public String getAddress() {
		return address;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public String getCity() {
		return city;
	}
}
