package dev.triage.core.cases;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Wraps an import's connection so an importer cannot commit, roll back or close the transaction the kernel owns. */
final class ImportConnection {

    private static final Set<String> OWNED = Set.of("commit", "rollback", "setAutoCommit", "close", "abort", "setSavepoint",
            "releaseSavepoint");

    private ImportConnection() {
    }

    static Connection guard(Connection target) {
        InvocationHandler h = (proxy, method, args) -> {
            if (OWNED.contains(method.getName())) {
                throw new SQLException("Connection." + method.getName() + "() is not allowed in an import:"
                        + " the kernel commits or rolls back the whole import");
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(ImportConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }
}
