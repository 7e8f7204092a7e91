package dev.triage.app.shell.cases;

import java.nio.file.Path;
import java.util.Optional;

/** How shell actions ask the user something; a test double answers without windows. */
public interface ShellDialogs {

    /**
     * Asks for a folder.
     *
     * @param title the dialog title
     * @return the folder, or empty when cancelled
     */
    Optional<Path> chooseFolder(String title);

    /**
     * Asks for files to open.
     *
     * @param title the dialog title
     * @return the chosen files, empty when cancelled
     */
    java.util.List<Path> chooseFiles(String title);

    /**
     * Asks for a line of text.
     *
     * @param title the dialog title
     * @param prompt what to enter
     * @param initial the proposed value
     * @return the text, or empty when cancelled
     */
    Optional<String> askText(String title, String prompt, String initial);

    /**
     * Asks a yes/no question.
     *
     * @param title the dialog title
     * @param question the question
     * @return true for yes
     */
    boolean confirm(String title, String question);
}
