<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ConsoleLauncher</name>
    <message>
        <source>Preparing the database…</source>
        <translation>Подготовка базы данных…</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>Создаём базу данных…</translation>
    </message>
    <message>
        <source>Updating the database…</source>
        <translation>Обновляем базу данных…</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Создаём демонстрационные данные…</translation>
    </message>
    <message>
        <source>This is done once.</source>
        <translation>Это делается один раз.</translation>
    </message>
    <message>
        <source>Okno cannot start</source>
        <translation>Окно не может запуститься</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Загружено: %1</translation>
    </message>
    <message>
        <source>Loaded: %1 of %2</source>
        <translation>Загружено: %1 из %2</translation>
    </message>
    <message>
        <source>Loaded: %1 of about %2</source>
        <translation>Загружено: %1 из примерно %2</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Refresh orders</source>
        <translation>&amp;Обновить заказы</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Database this console works with</source>
        <translation>База данных, с которой работает консоль</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>The database is not reachable: %1</source>
        <translation>База данных недоступна: %1</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime: %1</source>
        <translation>Пока вы работали, это изменил кто-то другой: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Что-то пошло не так: %1. Подробности — в журнале.</translation>
    </message>
    <message>
        <source>Okno</source>
        <translation>Окно</translation>
    </message>
</context>
<context>
    <name>OrderListPanel</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln заказ</numerusform>
            <numerusform>%Ln заказа</numerusform>
            <numerusform>%Ln заказов</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 orders</source>
        <translation>примерно %1 заказов</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Load the list again from the newest order</source>
        <translation>Загрузить список заново, начиная с самого нового заказа</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Все заказы</translation>
    </message>
    <message>
        <source>Operator queue</source>
        <translation>Очередь операторов</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Недозвон</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Согласованные</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменённые</translation>
    </message>
</context>
<context>
    <name>OrderSource</name>
    <message>
        <source>Web shop</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>В один клик</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Звонок</translation>
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
        <translation>Номер</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>След. попытка</translation>
    </message>
    <message>
        <source>Being worked on by %1</source>
        <translation>В работе у оператора %1</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Confirmation workflow</source>
        <translation>Согласование заказа</translation>
    </message>
    <message>
        <source>Order card</source>
        <translation>Карточка заказа</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Переходы</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создание</translation>
    </message>
    <message>
        <source>Take next order</source>
        <translation>Взять следующий заказ</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>Согласовать заказ</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Недозвон</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Отменить заказ…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Сменить статус…</translation>
    </message>
    <message>
        <source>Release order to the queue</source>
        <translation>Вернуть заказ в очередь</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Отменить мои изменения</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Добавить товар…</translation>
    </message>
    <message>
        <source>Remove selected item</source>
        <translation>Удалить выбранный товар</translation>
    </message>
    <message>
        <source>Choose shipping store…</source>
        <translation>Выбрать магазин отгрузки…</translation>
    </message>
    <message>
        <source>Search orders and customers</source>
        <translation>Поиск заказов и клиентов</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Перейти к очереди</translation>
    </message>
    <message>
        <source>Go to the order card</source>
        <translation>Перейти к карточке заказа</translation>
    </message>
    <message>
        <source>Go to the customer</source>
        <translation>Перейти к клиенту</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>Новый заказ…</translation>
    </message>
    <message>
        <source>One-click order…</source>
        <translation>Заказ в один клик…</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>Новый клиент…</translation>
    </message>
</context>
</TS>
