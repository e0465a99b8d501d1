package dev.weir.ui.caller;

import dev.weir.engine.probe.TestCaller;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The test-connection screen. Node ids: {@code caller-*}. */
public final class CallerPage extends VBox {

    public CallerPage(CallerViewModel vm) {
        setId("caller-page");
        getStyleClass().addAll("page", "caller-page");
        Label title = new Label("Test connection");
        title.getStyleClass().add("page-title");
        Label hint = new Label("Call an SRT listener or RTMP server as a client: see whether it accepts you and why not, "
                + "send the bundled test clip (H.264/AAC, 320x180) to check a destination end to end, or receive a stream "
                + "and see its codecs. The passphrase or token goes in the masked field; it is added to the URL only for the call.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        TextField url = new TextField();
        url.setId("caller-url");
        url.setPromptText("srt://host:port?streamid=publish:live/test  or  rtmp://host/live/test");
        // A pasted URL (or one whose secret parameter '&' just ended) gives its passphrase or token to the masked
        // field before the text is committed, so the field never shows it.
        url.setTextFormatter(new TextFormatter<String>(change -> {
            boolean whole = change.getText().length() > 1 || change.getText().equals("&");
            if (!whole || !change.isContentChange()) return change;
            String proposed = change.getControlNewText();
            String kept = vm.takeSecretFrom(proposed);
            if (kept.equals(proposed)) return change;
            change.setRange(0, change.getControlText().length());
            change.setText(kept);
            change.selectRange(kept.length(), kept.length());
            return change;
        }));
        url.textProperty().bindBidirectional(vm.urlProperty());
        // Leaving the URL field moves a typed passphrase or token into the masked field. The scene's focus owner
        // rather than the field's focused property: the latter also needs the window focused.
        url.sceneProperty().flatMap(scene -> scene.focusOwnerProperty()).subscribe((before, now) -> {
            if (before == url && now != url) vm.moveSecretOutOfUrl();
        });
        HBox.setHgrow(url, Priority.ALWAYS);
        PasswordField secret = new PasswordField();
        secret.setId("caller-secret");
        secret.setPromptText("passphrase or token");
        secret.setPrefColumnCount(16);
        secret.textProperty().bindBidirectional(vm.secretProperty());

        ToggleGroup group = new ToggleGroup();
        HBox actions = new HBox(14);
        for (TestCaller.Action a : TestCaller.Action.values()) {
            RadioButton b = new RadioButton(switch (a) {
                case CONNECT -> "Connect only";
                case SEND_TEST_STREAM -> "Send test stream";
                case RECEIVE -> "Receive stream";
            });
            b.setId("caller-action-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(group);
            b.setUserData(a);
            b.setSelected(vm.actionProperty().get() == a);
            actions.getChildren().add(b);
        }
        group.selectedToggleProperty().subscribe(t -> {
            if (t != null) vm.actionProperty().set((TestCaller.Action) t.getUserData());
        });
        vm.actionProperty().subscribe(a -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == a)));

        Button call = new Button("Call");
        call.setId("caller-start");
        call.getStyleClass().add("accent");
        call.setDefaultButton(true);
        call.setOnAction(e -> vm.start());
        Button hangUp = new Button("Hang up");
        hangUp.setId("caller-hang-up");
        hangUp.setOnAction(e -> vm.hangUp());
        hangUp.disableProperty().bind(vm.runningProperty().not());
        HBox urlRow = new HBox(8, url, secret, call, hangUp);
        urlRow.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("caller-outcome");
        outcome.getStyleClass().add("caller-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.stateProperty().subscribe((old, now) -> {
            if (old != null) outcome.getStyleClass().remove("outcome-" + old.name().toLowerCase(Locale.ROOT));
            if (now != null) outcome.getStyleClass().add("outcome-" + now.name().toLowerCase(Locale.ROOT));
        });

        GridPane facts = new GridPane();
        facts.getStyleClass().add("detail-facts");
        String[][] rows = {{"Reject reason", "caller-reject"}, {"RTT", "caller-rtt"}, {"Bandwidth", "caller-bandwidth"},
                {"Loss", "caller-loss"}, {"Traffic", "caller-traffic"}, {"Codecs", "caller-codecs"},
                {"Encryption", "caller-encryption"}};
        javafx.beans.value.ObservableValue<?>[] values = {
                Bindings.createStringBinding(() -> vm.rejectReasonProperty().get() == null ? "—" : vm.rejectReasonProperty().get(),
                        vm.rejectReasonProperty()),
                vm.rttProperty(), vm.bandwidthProperty(), vm.lossProperty(), vm.trafficProperty(), vm.codecsProperty(),
                vm.encryptionProperty()};
        for (int i = 0; i < rows.length; i++) {
            Label name = new Label(rows[i][0]);
            name.getStyleClass().add("fact-name");
            Label value = new Label();
            value.setId(rows[i][1]);
            value.getStyleClass().add("fact-value");
            @SuppressWarnings("unchecked")
            javafx.beans.value.ObservableValue<String> v = (javafx.beans.value.ObservableValue<String>) values[i];
            value.textProperty().bind(v);
            facts.addRow(i, name, value);
        }
        VBox card = new VBox(10, outcome, facts);
        card.getStyleClass().add("card");
        getChildren().addAll(title, hint, urlRow, actions, card);
    }
}
