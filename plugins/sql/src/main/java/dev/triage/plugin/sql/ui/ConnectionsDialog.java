package dev.triage.plugin.sql.ui;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.task.TaskExecutor;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import java.util.Arrays;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** Adds, edits, tests and removes saved connections; the password field goes straight to the secret store. */
final class ConnectionsDialog extends Dialog<ButtonType> {

    private final ConnectionService service;
    private final TaskExecutor tasks;
    private final ListView<String> list = new ListView<>();
    private final TextField name = new TextField();
    private final ComboBox<ConnectionKind> kind = new ComboBox<>();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField passphrase = new PasswordField();
    private final TextField database = new TextField();
    private final CheckBox production = new CheckBox("Production (read-only sessions)");
    private final ComboBox<String> tls = new ComboBox<>();
    private final TextField tlsCa = new TextField();
    private final TextField tlsCert = new TextField();
    private final PasswordField keyStorePassword = new PasswordField();
    private final Label message = new Label();

    ConnectionsDialog(ConnectionService service, TaskExecutor tasks) {
        this.service = service;
        this.tasks = tasks;
        setTitle("Connections");
        getDialogPane().getStyleClass().add("sql-connections");
        kind.getItems().setAll(ConnectionKind.values());
        kind.setValue(ConnectionKind.MYSQL);
        kind.valueProperty().addListener((o, a, b) -> {
            if (b != null && (port.getText().isBlank() || a != null && port.getText().equals(String.valueOf(a.defaultPort())))) {
                port.setText(String.valueOf(b.defaultPort()));
            }
        });
        port.setText("3306");
        tls.getItems().setAll("disabled", "preferred", "required", "verify-ca", "verify-identity");
        tls.setValue("preferred");
        password.setPromptText("unchanged when empty");
        passphrase.setPromptText("only when the secret store is locked");
        tlsCa.setPromptText("trust store (.jks or .p12) for verify-ca");
        tlsCert.setPromptText("client certificate key store (.p12 or .jks)");
        keyStorePassword.setPromptText("key store password, unchanged when empty");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        String[] labels = {"Name", "Kind", "Host", "Port", "User", "Password", "Database", "TLS", "TLS CA", "Client cert",
            "Key store password", "", "Store passphrase"};
        javafx.scene.Node[] fields = {name, kind, host, port, user, password, database, tls, tlsCa, tlsCert, keyStorePassword, production,
            passphrase};
        for (int i = 0; i < labels.length; i++) {
            form.addRow(i, new Label(labels[i]), fields[i]);
        }
        Button save = new Button("Save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        Button test = new Button("Test");
        test.setOnAction(e -> test());
        Button remove = new Button("Remove");
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> remove());
        Button clear = new Button("New");
        clear.setOnAction(e -> fill(null));
        form.add(new HBox(6, save, test, remove, clear), 1, labels.length);
        message.setWrapText(true);
        message.setMaxWidth(420);
        form.add(message, 1, labels.length + 1);
        list.setPrefWidth(180);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            try {
                fill(b == null ? null : service.find(b).orElse(null));
            } catch (Exception ex) {
                message.setText(ex.getMessage());
            }
        });
        getDialogPane().setContent(new HBox(12, list, form));
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        reload();
    }

    private void reload() {
        try {
            list.getItems().setAll(service.store().list().stream().map(ConnectionTarget::name).toList());
        } catch (Exception e) {
            message.setText(e.getMessage());
        }
    }

    private void fill(ConnectionTarget t) {
        name.setText(t == null ? "" : t.name());
        name.setEditable(t == null);
        kind.setValue(t == null ? ConnectionKind.MYSQL : t.kind());
        host.setText(t == null ? "" : t.host());
        port.setText(String.valueOf(t == null ? 3306 : t.port()));
        user.setText(t == null ? "" : t.user());
        password.clear();
        database.setText(t == null ? "" : ConnectionOptions.database(t));
        production.setSelected(t != null && ConnectionOptions.production(t));
        tls.setValue(t == null ? "preferred" : ConnectionOptions.tls(t));
        tlsCa.setText(t == null ? "" : t.options().getOrDefault(ConnectionOptions.TLS_CA, ""));
        tlsCert.setText(t == null ? "" : t.options().getOrDefault(ConnectionOptions.TLS_CERT, ""));
        keyStorePassword.clear();
        message.setText("");
    }

    private void unlockIfGiven() throws Exception {
        if (!passphrase.getText().isEmpty() && !service.store().secrets().isUnlocked()) {
            char[] p = passphrase.getText().toCharArray();
            try {
                service.store().secrets().unlock(p);
            } finally {
                Arrays.fill(p, '\0');
                passphrase.clear();
            }
        }
    }

    private void save() {
        char[] pw = password.getText().isEmpty() ? null : password.getText().toCharArray();
        char[] ks = keyStorePassword.getText().isEmpty() ? null : keyStorePassword.getText().toCharArray();
        password.clear();
        keyStorePassword.clear();
        try {
            unlockIfGiven();
            String n = name.getText().trim();
            ConnectionTarget t = new ConnectionTarget(n, n, kind.getValue(), host.getText().trim(), Integer.parseInt(port.getText().trim()),
                    user.getText().trim(), ConnectionOptions.of(database.getText().trim(), production.isSelected(), tls.getValue(), tlsCa.getText(),
                    tlsCert.getText()));
            service.save(t, pw);
            service.saveKeyStorePassword(t, ks);
            reload();
            list.getSelectionModel().select(n);
            message.setText("Saved " + n + (pw == null ? "" : " (password in " + service.store().secrets().description() + ")"));
        } catch (Exception e) {
            message.setText(e.getMessage());
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
            if (ks != null) {
                Arrays.fill(ks, '\0');
            }
        }
    }

    private void test() {
        String n = list.getSelectionModel().getSelectedItem();
        if (n == null) {
            message.setText("Save the connection first");
            return;
        }
        try {
            unlockIfGiven();
        } catch (Exception e) {
            message.setText(e.getMessage());
            return;
        }
        message.setText("Testing " + n + "…");
        tasks.submit("Test connection " + n, ctx -> service.test(n)).result()
                .whenComplete((r, e) -> Platform.runLater(() -> message.setText(e != null ? e.getMessage() : r.text())));
    }

    private void remove() {
        String n = list.getSelectionModel().getSelectedItem();
        if (n == null) {
            return;
        }
        try {
            unlockIfGiven();
            service.remove(n);
            reload();
            fill(null);
            message.setText("Removed " + n);
        } catch (Exception e) {
            message.setText(e.getMessage());
        }
    }
}
