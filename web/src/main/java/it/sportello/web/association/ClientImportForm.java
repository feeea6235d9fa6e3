package it.sportello.web.association;

import jakarta.validation.constraints.NotBlank;
import org.springframework.web.multipart.MultipartFile;

/** The CSV page's form: the Questura chosen (none is chosen for the member) and the file of clients. */
class ClientImportForm {

	/** The largest file taken, far beyond a CSV of any association's clients. */
	static final long LARGEST_FILE = 5L * 1024 * 1024;

	@NotBlank(message = "{association.import.questura.invalid}")
	private String questura;

	private MultipartFile file;

	/** Whether a file came, not empty and not too large to read. */
	boolean hasReadableFile() {
		return file != null && !file.isEmpty() && file.getSize() <= LARGEST_FILE;
	}

	public String getQuestura() {
		return questura;
	}

	public void setQuestura(String questura) {
		this.questura = questura;
	}

	public MultipartFile getFile() {
		return file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}
}
