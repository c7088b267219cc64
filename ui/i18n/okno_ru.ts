<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
</context>
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
        <source>Okno cannot use the database address %1: %2</source>
        <translation>Окно не может работать с базой данных по адресу %1: %2</translation>
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
    <name>CustomerLine</name>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
</context>
<context>
    <name>CustomerMetrics</name>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Every order the customer placed, any status.</source>
        <translation>Все заказы клиента, в любом статусе.</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Сумма покупок (LTV)</translation>
    </message>
    <message>
        <source>Sum of the totals of completed orders (delivery included), RUB.</source>
        <translation>Сумма выполненных заказов (с доставкой), ₽.</translation>
    </message>
    <message>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Lifetime value divided by the number of completed orders.</source>
        <translation>Сумма покупок, делённая на число выполненных заказов.</translation>
    </message>
    <message>
        <source>Buyout rate</source>
        <translation>Процент выкупа</translation>
    </message>
    <message>
        <source>Completed ÷ (completed + cancelled + returned), counting only orders that reached confirmation (an order cancelled before it was confirmed does not count).</source>
        <translation>Выполненные ÷ (выполненные + отменённые + возвраты), только по заказам, дошедшим до согласования (заказ, отменённый до согласования, не учитывается).</translation>
    </message>
    <message>
        <source>Decided orders</source>
        <translation>Завершённые заказы</translation>
    </message>
    <message>
        <source>Orders the buyout rate is computed from: completed, or cancelled/returned after confirmation.</source>
        <translation>Заказы, по которым считается процент выкупа: выполненные или отменённые/возвращённые после согласования.</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>Первый заказ</translation>
    </message>
    <message>
        <source>When the first order was placed.</source>
        <translation>Когда был сделан первый заказ.</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Последний заказ</translation>
    </message>
    <message>
        <source>When the latest order was placed.</source>
        <translation>Когда был сделан последний заказ.</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>Дней с последнего заказа</translation>
    </message>
    <message>
        <source>Whole days from the latest order to now.</source>
        <translation>Полных дней с последнего заказа до сегодня.</translation>
    </message>
    <message>
        <source>Favourite categories</source>
        <translation>Любимые категории</translation>
    </message>
    <message>
        <source>The three catalogue categories with the most items in orders that were not cancelled or returned.</source>
        <translation>Три категории каталога, из которых больше всего товаров в заказах без отмены и возврата.</translation>
    </message>
    <message>
        <source>Click &amp; collect</source>
        <translation>Самовывоз</translation>
    </message>
    <message>
        <source>Share of orders (any status) picked up in a store rather than delivered.</source>
        <translation>Доля заказов (в любом статусе), забранных в магазине, а не доставленных.</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Phone in any format, e-mail or name</source>
        <translation>Телефон в любом формате, e-mail или имя</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Введите хотя бы 2 символа</translation>
    </message>
    <message>
        <source>Enter picks the selected customer</source>
        <translation>Enter — выбрать клиента</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Никого не найдено</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
</context>
<context>
    <name>CustomerSegments</name>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Lifetime value at or above the VIP threshold.</source>
        <translation>Сумма покупок не ниже порога VIP.</translation>
    </message>
    <message>
        <source>Prepayment only</source>
        <translation>Только предоплата</translation>
    </message>
    <message>
        <source>Buys out too few of the orders they confirm: orders are confirmed only when paid.</source>
        <translation>Выкупает слишком мало согласованных заказов: заказы согласуются только после оплаты.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Placed the first order recently.</source>
        <translation>Недавно сделал первый заказ.</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Спящий</translation>
    </message>
    <message>
        <source>Has not ordered for a long time.</source>
        <translation>Давно ничего не заказывал.</translation>
    </message>
</context>
<context>
    <name>CustomerTables</name>
    <message>
        <source>orders</source>
        <translation>заказы</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>телефоны</translation>
    </message>
    <message>
        <source>children</source>
        <translation>дети</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>звонки</translation>
    </message>
    <message>
        <source>conversations (with their messages)</source>
        <translation>переписки (с сообщениями)</translation>
    </message>
    <message>
        <source>promo codes</source>
        <translation>промокоды</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>задачи</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>фамилия</translation>
    </message>
    <message>
        <source>patronymic</source>
        <translation>отчество</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>пол</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>сводка</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <source>Order number, phone in any format, e-mail or name (at least %1 characters)</source>
        <translation>Номер заказа, телефон в любом формате, e-mail или имя (не меньше %1 символов)</translation>
    </message>
    <message>
        <source>%1 customers, %2 orders · Enter opens, Esc closes</source>
        <translation>Клиентов: %1, заказов: %2 · Enter — открыть, Esc — закрыть</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>Search: order number, phone, e-mail or name</source>
        <translation>Поиск: номер заказа, телефон, e-mail или имя</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
    <name>NewCustomerDialog</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
</context>
<context>
    <name>OfferHitsModel</name>
    <message>
        <source>out of stock</source>
        <translation>нет в наличии</translation>
    </message>
    <message>
        <source>+%n store(s)</source>
        <translation>+%n маг.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Free stock</source>
        <translation>Свободный остаток</translation>
    </message>
</context>
<context>
    <name>OfferPicker</name>
    <message>
        <source>Item name, SKU or barcode</source>
        <translation>Название товара, артикул или штрихкод</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Введите хотя бы 2 символа</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter — добавить товар</translation>
    </message>
    <message>
        <source>No such item on sale</source>
        <translation>Такого товара нет в продаже</translation>
    </message>
</context>
<context>
    <name>OfferPickerDialog</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Type at least 2 characters</source>
        <translation>Введите хотя бы 2 символа</translation>
    </message>
    <message>
        <source>Enter adds the selected item</source>
        <translation>Enter — добавить товар</translation>
    </message>
</context>
<context>
    <name>OneClickOrderDialog</name>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
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
    <name>OrderCard</name>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>След. попытка</translation>
    </message>
</context>
<context>
    <name>OrderCardPanel</name>
    <message>
        <source>No answer</source>
        <translation>Недозвон</translation>
    </message>
    <message>
        <source>Call back at…</source>
        <translation>Перезвонить в…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Сменить статус…</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Отменить мои изменения</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Добавить товар…</translation>
    </message>
</context>
<context>
    <name>OrderItemsModel</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
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
    <name>ProfileHeader</name>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
</context>
<context>
    <name>StorePickerDialog</name>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>VK</source>
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Order %1 placed</source>
        <translation>Оформлен заказ %1</translation>
    </message>
    <message>
        <source>%1, now %2</source>
        <translation>%1, теперь %2</translation>
    </message>
    <message>
        <source>Order %1: %2 → %3</source>
        <translation>Заказ %1: %2 → %3</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <source>%1 from the customer</source>
        <translation>%1 от клиента</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 отправлено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Merged into customer #%1</source>
        <translation>Объединён с клиентом №%1</translation>
    </message>
    <message>
        <source>Customer #%1 merged into this one</source>
        <translation>Клиент №%1 объединён с этим</translation>
    </message>
    <message>
        <source>By: %1</source>
        <translation>Кто: %1</translation>
    </message>
</context>
<context>
    <name>TotalsBox</name>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
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
