package io.funnelql.warehouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/** A connection that releases the warehouse's read lock when it is closed (once, however often it is closed). */
final class ReaderConnection implements InvocationHandler {

    private final Connection connection;
    private final Lock lock;
    private final AtomicBoolean released = new AtomicBoolean();

    private ReaderConnection(Connection connection, Lock lock) {
        this.connection = connection;
        this.lock = lock;
    }

    static Connection wrap(Connection connection, Lock lock) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ReaderConnection(connection, lock));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            try {
                connection.close();
            } finally {
                if (released.compareAndSet(false, true)) {
                    lock.unlock();
                }
            }
            return null;
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
