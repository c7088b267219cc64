<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConsoleLauncher</name>
    <message>
        <source>Preparing the database…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>Creating the database…</translation>
    </message>
    <message>
        <source>Updating the database…</source>
        <translation>Updating the database…</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <source>This is done once.</source>
        <translation>This is done once.</translation>
    </message>
    <message>
        <source>Okno cannot start</source>
        <translation>Okno cannot start</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Loaded: %1</translation>
    </message>
    <message>
        <source>Loaded: %1 of %2</source>
        <translation>Loaded: %1 of %2</translation>
    </message>
    <message>
        <source>Loaded: %1 of about %2</source>
        <translation>Loaded: %1 of about %2</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Refresh orders</source>
        <translation>&amp;Refresh orders</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation>Database this console works with</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>The database is not reachable: %1</source>
        <translation>The database is not reachable: %1</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime: %1</source>
        <translation>Someone else changed this in the meantime: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Something went wrong: %1. The details are in the log.</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Okno</translation>
    </message>
</context>
<context>
    <name>OrderListPanel</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 orders</source>
        <translation>about %1 orders</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Load the list again from the newest order</source>
        <translation>Load the list again from the newest order</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>All orders</translation>
    </message>
    <message>
        <source>Operator queue</source>
        <translation>Operator queue</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>OrderSource</name>
    <message>
        <source>Web shop</source>
        <translation>Web shop</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Mobile app</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>One click</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Being worked on by %1</source>
        <translation>Being worked on by %1</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Confirmation workflow</source>
        <translation>Confirmation workflow</translation>
    </message>
    <message>
        <source>Order card</source>
        <translation>Order card</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Take next order</source>
        <translation>Take next order</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>Confirm order</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Call back at…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>Release order to the queue</source>
        <translation>Release order to the queue</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Discard my changes</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <source>Remove selected item</source>
        <translation>Remove selected item</translation>
    </message>
    <message>
        <source>Choose shipping store…</source>
        <translation>Choose shipping store…</translation>
    </message>
    <message>
        <source>Search orders and customers</source>
        <translation>Search orders and customers</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Go to the queue</translation>
    </message>
    <message>
        <source>Go to the order card</source>
        <translation>Go to the order card</translation>
    </message>
    <message>
        <source>Go to the customer</source>
        <translation>Go to the customer</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>New order…</translation>
    </message>
    <message>
        <source>One-click order…</source>
        <translation>One-click order…</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>New customer…</translation>
    </message>
</context>
</TS>
