package dev.weir.ui;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The application class app's launcher starts: it builds its own engine and shows the console on the primary stage. */
class WeirConsoleAppTest {

    @Test
    void showsTheConsoleOnThePrimaryStage() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(WeirConsoleApp.class);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Weir console", stage.getTitle());
            FxRobot robot = new FxRobot();
            assertEquals("Stopped", robot.lookup("#rtmp-state").queryAs(Label.class).getText());
            assertEquals(":1935",
                    robot.lookup("#rtmp-address").queryAs(javafx.scene.control.TextField.class).getText());
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }
}
