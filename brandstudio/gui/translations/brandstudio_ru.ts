<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AnchorPicker</name>
    <message>
        <source>Top left</source>
        <translation>Сверху слева</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Сверху</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Сверху справа</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>По центру</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Снизу слева</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Снизу</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Снизу справа</translation>
    </message>
    <message>
        <source>Auto: the calmest corner</source>
        <translation>Авто: самый спокойный угол</translation>
    </message>
    <message>
        <source>For each photo, the corner with the least detail and the best contrast</source>
        <translation>Для каждого фото — угол с наименьшим количеством деталей и лучшим контрастом</translation>
    </message>
</context>
<context>
    <name>ApplyBrandDialog</name>
    <message>
        <source>Apply Brand</source>
        <translation>Применить бренд</translation>
    </message>
    <message>
        <source>Draw this post in another brand: its colours, fonts and logo change; the text, photos and per-size edits stay. Saving asks whether the original stays in its brand.</source>
        <translation>Оформить пост в другом бренде: цвета, шрифты и логотип сменятся, а текст, фото и правки по размерам останутся. При сохранении Brandstudio спросит, оставить ли оригинал в его бренде.</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (сейчас)</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Нет превью: %1</translation>
    </message>
</context>
<context>
    <name>AssetEditor</name>
    <message>
        <source>Brand logo: %1</source>
        <translation>Логотип бренда: %1</translation>
    </message>
    <message>
        <source>%1 (the brand has no such logo)</source>
        <translation>%1 (у бренда нет такого логотипа)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
</context>
<context>
    <name>BatchProgressDialog</name>
    <message>
        <source>Preparing: looking at the files…</source>
        <translation>Подготовка: просматриваем файлы…</translation>
    </message>
    <message>
        <source>Stop after the files in progress. Finished files are kept; start the same job again to do the rest.</source>
        <translation>Остановить после файлов, которые уже в работе. Готовые файлы сохранятся; запустите то же задание снова, чтобы доделать остальное.</translation>
    </message>
    <message>
        <source>Stopping: finishing the files in progress…</source>
        <translation>Останавливаемся: доделываем файлы в работе…</translation>
    </message>
    <message>
        <source>Starting the cluster on this computer (workers: %1)…</source>
        <translation>Запуск кластера на этом компьютере (процессов: %1)…</translation>
    </message>
    <message>
        <source>Connecting to the cluster at %1…</source>
        <translation>Подключение к кластеру %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1 per second</source>
        <translation>%1 в секунду</translation>
    </message>
    <message>
        <source>%1 s each</source>
        <translation>%1 с на файл</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>осталось около %1</translation>
    </message>
</context>
<context>
    <name>BatchSummaryDialog</name>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>С ошибками</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Не начато</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Записано файлов</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Время: %1</translation>
    </message>
    <message>
        <source>Already done by an earlier run (checked, not redone): %1</source>
        <translation>Уже сделано прошлым запуском (проверено, не переделывалось): %1</translation>
    </message>
    <message>
        <source>Skipped, not photos by their name: %1</source>
        <translation>Пропущено, по имени не фото: %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>What failed and why; report.json has every item.</source>
        <translation>Что не получилось и почему; в report.json — все файлы.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>и ещё %1</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Папка: %1</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Отчёт: %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Show the output folder in the file manager</source>
        <translation>Показать папку с результатами в файловом менеджере</translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation>Открыть отчёт</translation>
    </message>
    <message>
        <source>Open report.json: every item with its outputs, status and reason</source>
        <translation>Открыть report.json: каждый файл с результатами, статусом и причиной</translation>
    </message>
    <message>
        <source>Stopped: you cancelled</source>
        <translation>Остановлено: вы отменили</translation>
    </message>
    <message>
        <source>Stopped before the end</source>
        <translation>Остановлено до конца</translation>
    </message>
    <message>
        <source>Finished, with failures</source>
        <translation>Готово, но с ошибками</translation>
    </message>
    <message>
        <source>Finished: nothing new to write</source>
        <translation>Готово: ничего нового записывать не нужно</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Всё готово</translation>
    </message>
    <message>
        <source>Stopped by you. Files already finished are complete and kept; start the same job again with the same output folder to do the rest.</source>
        <translation>Остановлено вами. Готовые файлы целы и сохранены; запустите то же задание с той же папкой, чтобы доделать остальное.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Остановлено: %1</translation>
    </message>
</context>
<context>
    <name>BrandKitDialog</name>
    <message>
        <source>Logos</source>
        <translation>Логотипы</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Цвета</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Шрифты</translation>
    </message>
    <message>
        <source>Stamping</source>
        <translation>Штамп на фото</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Brand name:</source>
        <translation>Название бренда:</translation>
    </message>
    <message>
        <source>Rename Brand</source>
        <translation>Переименование бренда</translation>
    </message>
    <message>
        <source>Light — for dark backgrounds</source>
        <translation>Светлый — для тёмного фона</translation>
    </message>
    <message>
        <source>Dark — for light backgrounds</source>
        <translation>Тёмный — для светлого фона</translation>
    </message>
    <message>
        <source>One colour</source>
        <translation>Одноцветный</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Заменить…</translation>
    </message>
    <message>
        <source>Use your own file for this version of the logo</source>
        <translation>Взять для этой версии логотипа свой файл</translation>
    </message>
    <message>
        <source>Make Missing Versions</source>
        <translation>Сделать недостающие версии</translation>
    </message>
    <message>
        <source>Make the light, dark and one-colour versions the brand lacks from one it has</source>
        <translation>Сделать недостающие светлую, тёмную и одноцветную версии из той, что есть</translation>
    </message>
    <message>
        <source>Empty margin kept around the logo, in % of its height</source>
        <translation>Свободное поле вокруг логотипа, в % от его высоты</translation>
    </message>
    <message>
        <source>Clear space:</source>
        <translation>Охранное поле:</translation>
    </message>
    <message>
        <source>Choose a Logo File</source>
        <translation>Выбор файла логотипа</translation>
    </message>
    <message>
        <source>Logos (%1)</source>
        <translation>Логотипы (%1)</translation>
    </message>
    <message>
        <source>Replace Logo</source>
        <translation>Замена логотипа</translation>
    </message>
    <message>
        <source>Change Clear Space</source>
        <translation>Изменение охранного поля</translation>
    </message>
    <message>
        <source>Add Colour</source>
        <translation>Добавить цвет</translation>
    </message>
    <message>
        <source>Click the logo to take its colour for the colour selected</source>
        <translation>Щёлкните по логотипу, чтобы взять его цвет для выбранного цвета</translation>
    </message>
    <message>
        <source>Eyedropper: click the logo</source>
        <translation>Пипетка: щёлкните по логотипу</translation>
    </message>
    <message>
        <source>Choose the colour (and select it for the eyedropper)</source>
        <translation>Выбрать цвет (и отметить его для пипетки)</translation>
    </message>
    <message>
        <source>Templates use this colour by the name %1</source>
        <translation>Шаблоны обращаются к этому цвету по имени «%1»</translation>
    </message>
    <message>
        <source>The four main colours keep their names</source>
        <translation>У четырёх основных цветов имена постоянные</translation>
    </message>
    <message>
        <source>Rename this colour</source>
        <translation>Переименовать этот цвет</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Text on this colour is drawn in %1</source>
        <translation>Текст на этом цвете рисуется цветом %1</translation>
    </message>
    <message>
        <source>Remove this colour</source>
        <translation>Удалить этот цвет</translation>
    </message>
    <message>
        <source>Colour: %1</source>
        <translation>Цвет: %1</translation>
    </message>
    <message>
        <source>Change Colour %1</source>
        <translation>Изменение цвета %1</translation>
    </message>
    <message>
        <source>Remove Colour %1</source>
        <translation>Удаление цвета %1</translation>
    </message>
    <message>
        <source>Rename Colour</source>
        <translation>Переименование цвета</translation>
    </message>
    <message>
        <source>New name of the colour (letters a–z, digits and -):</source>
        <translation>Новое имя цвета (латинские буквы a–z, цифры и -):</translation>
    </message>
    <message>
        <source>Rename Colour %1</source>
        <translation>Переименование цвета %1</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>Основной текст</translation>
    </message>
    <message>
        <source>Import Font File…</source>
        <translation>Загрузить файл шрифта…</translation>
    </message>
    <message>
        <source>Kept as typed</source>
        <translation>Как набрано</translation>
    </message>
    <message>
        <source>Product names, slogans… separated by commas</source>
        <translation>Названия продуктов, слоганы… через запятую</translation>
    </message>
    <message>
        <source>Words and names that typography never changes in this brand&apos;s posts (quotes, dashes, spaces stay as typed). The brand&apos;s name always is.</source>
        <translation>Слова и названия, которые типографика никогда не меняет в постах этого бренда (кавычки, тире и пробелы остаются как набраны). Название бренда не меняется всегда.</translation>
    </message>
    <message>
        <source>Change Words Kept as Typed</source>
        <translation>Изменить слова «как набрано»</translation>
    </message>
    <message>
        <source>Change Font</source>
        <translation>Смена шрифта</translation>
    </message>
    <message>
        <source>Choose a Font File</source>
        <translation>Выбор файла шрифта</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf)</source>
        <translation>Шрифты (*.ttf *.otf)</translation>
    </message>
    <message>
        <source>Automatic (the calmest corner)</source>
        <translation>Автоматически (самый спокойный угол)</translation>
    </message>
    <message>
        <source>Automatic (by the photo&apos;s brightness)</source>
        <translation>Автоматически (по яркости фото)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлый</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмный</translation>
    </message>
    <message>
        <source>Text stamped with the logo; {brand} and {year} are filled in. Empty: none.</source>
        <translation>Текст, который ставится вместе с логотипом; {brand} и {year} подставляются. Пусто — без текста.</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Положение:</translation>
    </message>
    <message>
        <source>Logo size (of the shorter side):</source>
        <translation>Размер логотипа (от короткой стороны):</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>Отступ:</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>Непрозрачность:</translation>
    </message>
    <message>
        <source>Logo version:</source>
        <translation>Версия логотипа:</translation>
    </message>
    <message>
        <source>Text mark:</source>
        <translation>Текстовая подпись:</translation>
    </message>
    <message>
        <source>Change Stamp Defaults</source>
        <translation>Изменение настроек штампа</translation>
    </message>
    <message>
        <source>Brand Kit — %1</source>
        <translation>Бренд-кит — %1</translation>
    </message>
</context>
<context>
    <name>BrandMenu</name>
    <message>
        <source>Draw this post in another brand of the library, keeping its content</source>
        <translation>Оформить пост в другом бренде библиотеки, сохранив его содержимое</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>&amp;Бренд</translation>
    </message>
    <message>
        <source>&amp;Apply Brand…</source>
        <translation>&amp;Применить бренд…</translation>
    </message>
    <message>
        <source>&amp;New Brand…</source>
        <translation>&amp;Новый бренд…</translation>
    </message>
    <message>
        <source>Make a brand from a logo file: palette, fonts and logo versions proposed for you</source>
        <translation>Создать бренд по файлу логотипа: палитра, шрифты и версии логотипа будут предложены</translation>
    </message>
    <message>
        <source>&amp;Edit Brand…</source>
        <translation>&amp;Изменить бренд…</translation>
    </message>
    <message>
        <source>Change the brand&apos;s name, logos, colours, fonts and stamp defaults</source>
        <translation>Изменить название, логотипы, цвета, шрифты и настройки штампа бренда</translation>
    </message>
    <message>
        <source>&amp;Delete Brand…</source>
        <translation>&amp;Удалить бренд…</translation>
    </message>
    <message>
        <source>Move the brand shown in the library to the trash</source>
        <translation>Переместить бренд, открытый в библиотеке, в корзину</translation>
    </message>
    <message>
        <source>&amp;Restore Brand…</source>
        <translation>&amp;Восстановить бренд…</translation>
    </message>
    <message>
        <source>Bring back a brand from the trash</source>
        <translation>Вернуть бренд из корзины</translation>
    </message>
    <message>
        <source>&amp;Import Brand Kit…</source>
        <translation>&amp;Импорт бренд-кита…</translation>
    </message>
    <message>
        <source>Add a brand from a .brandkit file</source>
        <translation>Добавить бренд из файла .brandkit</translation>
    </message>
    <message>
        <source>E&amp;xport Brand Kit…</source>
        <translation>&amp;Экспорт бренд-кита…</translation>
    </message>
    <message>
        <source>Save the brand shown as a .brandkit file to share</source>
        <translation>Сохранить открытый бренд в файл .brandkit, чтобы поделиться</translation>
    </message>
    <message>
        <source>&amp;Contests…</source>
        <translation>&amp;Конкурсы…</translation>
    </message>
    <message>
        <source>Run a contest of the brand shown: entrants, a draw anyone can verify, the winners card</source>
        <translation>Провести конкурс показанного бренда: участники, розыгрыш, который может проверить каждый, карточка победителей</translation>
    </message>
    <message>
        <source>New Brand: Choose the Logo</source>
        <translation>Новый бренд: выбор логотипа</translation>
    </message>
    <message>
        <source>Logos (*.png *.jpg *.jpeg *.webp *.svg)</source>
        <translation>Логотипы (*.png *.jpg *.jpeg *.webp *.svg)</translation>
    </message>
    <message>
        <source>New Brand</source>
        <translation>Новый бренд</translation>
    </message>
    <message>
        <source>Name of the new brand:</source>
        <translation>Название нового бренда:</translation>
    </message>
    <message>
        <source>Delete Brand</source>
        <translation>Удаление бренда</translation>
    </message>
    <message>
        <source>Restore Brand</source>
        <translation>Восстановление бренда</translation>
    </message>
    <message>
        <source>Name of the brand to bring back:</source>
        <translation>Название бренда, который нужно вернуть:</translation>
    </message>
    <message>
        <source>Import Brand Kit</source>
        <translation>Импорт бренд-кита</translation>
    </message>
    <message>
        <source>Brand kits (*.brandkit)</source>
        <translation>Бренд-киты (*.brandkit)</translation>
    </message>
    <message>
        <source>Export Brand Kit</source>
        <translation>Экспорт бренд-кита</translation>
    </message>
    <message>
        <source>Save in Another Brand</source>
        <translation>Сохранение в другом бренде</translation>
    </message>
    <message>
        <source>Keep Original</source>
        <translation>Оставить оригинал</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Cannot make the brand</source>
        <translation>Не удалось создать бренд</translation>
    </message>
    <message>
        <source>Cannot open the brand</source>
        <translation>Не удалось открыть бренд</translation>
    </message>
    <message>
        <source>Move the brand %1 and its templates to the trash? Brand ▸ Restore Brand brings it back.</source>
        <translation>Переместить бренд %1 и его шаблоны в корзину? Вернуть его можно через Бренд ▸ Восстановить бренд.</translation>
    </message>
    <message>
        <source>Cannot delete the brand</source>
        <translation>Не удалось удалить бренд</translation>
    </message>
    <message>
        <source>%1 moved to the trash</source>
        <translation>%1 перемещён в корзину</translation>
    </message>
    <message>
        <source>Cannot restore the brand</source>
        <translation>Не удалось восстановить бренд</translation>
    </message>
    <message>
        <source>Cannot import the brand kit</source>
        <translation>Не удалось импортировать бренд-кит</translation>
    </message>
    <message>
        <source>Brand %1 added</source>
        <translation>Бренд %1 добавлен</translation>
    </message>
    <message>
        <source>Cannot export the brand kit</source>
        <translation>Не удалось экспортировать бренд-кит</translation>
    </message>
    <message>
        <source>This post is now drawn in the brand %2. It is saved into %2&apos;s library.</source>
        <translation>Теперь пост оформлен в бренде %2 и сохраняется в его библиотеку.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Logo versions made for you: %1</source>
        <translation>Сделаны версии логотипа: %1</translation>
    </message>
    <message>
        <source>The post is now drawn in the brand %1</source>
        <translation>Пост оформлен в бренде %1</translation>
    </message>
    <message>
        <source>Keep the original in %1 as it was, or move the post to %2 (the original goes to %1&apos;s trash, where Restore finds it)?</source>
        <translation>Оставить оригинал в бренде %1 как есть или перенести пост в %2 (оригинал попадёт в корзину бренда %1, откуда его можно восстановить)?</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Move %1</source>
        <translation>Переместить %1</translation>
    </message>
    <message>
        <source>Resize %1</source>
        <translation>Изменить размер: %1</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>Повернуть %1</translation>
    </message>
    <message>
        <source>Move %1 Layers</source>
        <translation>Переместить слои (%1)</translation>
    </message>
    <message>
        <source>Resize %1 Layers</source>
        <translation>Изменить размер слоёв (%1)</translation>
    </message>
    <message>
        <source>Rotate %1 Layers</source>
        <translation>Повернуть слои (%1)</translation>
    </message>
    <message>
        <source>Delete Layer</source>
        <translation>Удалить слой</translation>
    </message>
    <message>
        <source>Delete Layers</source>
        <translation>Удалить слои</translation>
    </message>
</context>
<context>
    <name>CanvasText</name>
    <message>
        <source>Edit %1</source>
        <translation>Изменить «%1»</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Letters no font draws</source>
        <translation>Буквы, которых нет ни в одном шрифте</translation>
    </message>
    <message>
        <source>Text cut or shrunk</source>
        <translation>Текст обрезан или уменьшен</translation>
    </message>
    <message>
        <source>Text too small on a phone</source>
        <translation>Текст слишком мелкий для телефона</translation>
    </message>
    <message>
        <source>Text hard to read (contrast)</source>
        <translation>Текст плохо читается (контраст)</translation>
    </message>
    <message>
        <source>Under the network&apos;s buttons or moved</source>
        <translation>Под кнопками соцсети или сдвинут</translation>
    </message>
    <message>
        <source>Layers overlap</source>
        <translation>Слои перекрываются</translation>
    </message>
    <message>
        <source>Too close to the logo</source>
        <translation>Слишком близко к логотипу</translation>
    </message>
    <message>
        <source>QR code cannot be scanned</source>
        <translation>QR-код не считывается</translation>
    </message>
    <message>
        <source>Photo enlarged (blurry)</source>
        <translation>Фото растянуто (будет мутным)</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>Файл слишком большой</translation>
    </message>
    <message>
        <source>This size</source>
        <translation>Этот размер</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Все размеры</translation>
    </message>
    <message>
        <source>Check the size on screen, or every network size</source>
        <translation>Проверить размер на экране или все размеры соцсетей</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2</source>
        <translation>Ошибок: %1, предупреждений: %2</translation>
    </message>
    <message>
        <source>Template canvas</source>
        <translation>Холст шаблона</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>Проблем не найдено</translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>Не удалось проверить: %1</translation>
    </message>
</context>
<context>
    <name>ClipboardActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Вырезать</translation>
    </message>
    <message>
        <source>Copy the selected layers and remove them</source>
        <translation>Скопировать выбранные слои и удалить их</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy the selected layers (as layers, and as a picture for other programs)</source>
        <translation>Скопировать выбранные слои (как слои и как картинку для других программ)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Вст&amp;авить</translation>
    </message>
    <message>
        <source>Paste layers, an image or text from the clipboard</source>
        <translation>Вставить слои, изображение или текст из буфера обмена</translation>
    </message>
    <message>
        <source>Paste &amp;in Place</source>
        <translation>Вставить на &amp;место</translation>
    </message>
    <message>
        <source>Paste layers exactly where they were copied from</source>
        <translation>Вставить слои точно туда, откуда они скопированы</translation>
    </message>
    <message>
        <source>Cut Layer</source>
        <translation>Вырезать слой</translation>
    </message>
    <message>
        <source>Cut %1 Layers</source>
        <translation>Вырезать слои: %1</translation>
    </message>
    <message>
        <source>Cannot duplicate: %1</source>
        <translation>Не удалось дублировать: %1</translation>
    </message>
    <message>
        <source>Duplicate Layer</source>
        <translation>Дублировать слой</translation>
    </message>
    <message>
        <source>Duplicate %1 Layers</source>
        <translation>Дублировать слои: %1</translation>
    </message>
    <message>
        <source>The clipboard holds nothing to paste here.</source>
        <translation>В буфере обмена нет ничего, что можно сюда вставить.</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>Не удалось вставить: %1</translation>
    </message>
    <message>
        <source>Paste Layer</source>
        <translation>Вставить слой</translation>
    </message>
    <message>
        <source>Paste %1 Layers</source>
        <translation>Вставить слои: %1</translation>
    </message>
    <message>
        <source>Cannot paste: the clipboard image cannot be read.</source>
        <translation>Не удалось вставить: изображение из буфера обмена не читается.</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>Вставленное изображение</translation>
    </message>
    <message>
        <source>Paste Image</source>
        <translation>Вставить изображение</translation>
    </message>
    <message>
        <source>Image pasted as a logo layer: %1</source>
        <translation>Изображение вставлено как слой логотипа: %1</translation>
    </message>
    <message>
        <source>Paste Text</source>
        <translation>Вставить текст</translation>
    </message>
    <message>
        <source>Text pasted as a text layer</source>
        <translation>Текст вставлен как текстовый слой</translation>
    </message>
</context>
<context>
    <name>ClusterDialog</name>
    <message>
        <source>Render Cluster</source>
        <translation>Кластер для отрисовки</translation>
    </message>
    <message>
        <source>Exports, data merges, stamping and plan exports run on this computer unless a render cluster is set here. Every machine of the cluster needs the same versions of Brandstudio, Pillow and OpenCV.</source>
        <translation>Экспорт, объединение данных, логотипы на фото и экспорт плана выполняются на этом компьютере, если здесь не задан кластер. На всех машинах кластера нужны те же версии Brandstudio и библиотек обработки изображений.</translation>
    </message>
    <message>
        <source>empty: this computer</source>
        <translation>пусто: этот компьютер</translation>
    </message>
    <message>
        <source>tls://HOST:8786 for a cluster, or local:4 for four workers here</source>
        <translation>Кластер: «tls://ХОСТ:8786»; четыре процесса на этом компьютере: «local:4»</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Сертификат УЦ:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Сертификат:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Закрытый ключ:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Файлы PEM (*.pem *.crt *.key);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose a Certificate File</source>
        <translation>Выберите файл сертификата</translation>
    </message>
    <message>
        <source>Write tls://HOST:PORT (or local:N). An unencrypted tcp:// address works only on this computer.</source>
        <translation>Укажите «tls://ХОСТ:ПОРТ» (или «local:N»). Адрес «tcp://» без шифрования допустим только на этом компьютере.</translation>
    </message>
    <message>
        <source>tls:// needs the three certificate files.</source>
        <translation>Для «tls://» нужны все три файла сертификатов.</translation>
    </message>
    <message>
        <source>Render &amp;Cluster…</source>
        <translation>&amp;Кластер для отрисовки…</translation>
    </message>
    <message>
        <source>Choose where bulk work runs: this computer or a render cluster</source>
        <translation>Выбрать, где выполняется пакетная работа: на этом компьютере или в кластере</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Choose a brand colour or a custom colour.</source>
        <translation>Выберите цвет бренда или свой цвет.</translation>
    </message>
    <message>
        <source>The brand has no colour “%1”: the primary colour is used.</source>
        <translation>У бренда нет цвета «%1»: используется основной цвет.</translation>
    </message>
    <message>
        <source>Brand colour %1 (%2)</source>
        <translation>Цвет бренда %1 (%2)</translation>
    </message>
    <message>
        <source>Custom colour %1</source>
        <translation>Свой цвет %1</translation>
    </message>
    <message>
        <source>Custom Colour</source>
        <translation>Свой цвет</translation>
    </message>
</context>
<context>
    <name>ColorPicker</name>
    <message>
        <source>Primary</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation>Дополнительный</translation>
    </message>
    <message>
        <source>Accent</source>
        <translation>Акцентный</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Фон</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлый</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмный</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Основной текст</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Text on %1</source>
        <translation>Текст на цвете «%1»</translation>
    </message>
</context>
<context>
    <name>ColorPopup</name>
    <message>
        <source>Brand colours</source>
        <translation>Цвета бренда</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This brand has no palette.</source>
        <translation>У этого бренда нет палитры.</translation>
    </message>
    <message>
        <source>Custom colour…</source>
        <translation>Свой цвет…</translation>
    </message>
    <message>
        <source>Choose any colour, with transparency.</source>
        <translation>Выбрать любой цвет, с прозрачностью.</translation>
    </message>
</context>
<context>
    <name>ContentEditor</name>
    <message>
        <source>Show a slot&apos;s content, or text written into the layer.</source>
        <translation>Показывать содержимое поля или текст, записанный в сам слой.</translation>
    </message>
    <message>
        <source>Edit the words in the Content panel.</source>
        <translation>Текст меняется на панели «Содержимое».</translation>
    </message>
    <message>
        <source>Own text</source>
        <translation>Свой текст</translation>
    </message>
    <message>
        <source>Slot: %1</source>
        <translation>Поле: %1</translation>
    </message>
    <message>
        <source>%1 (not in the template)</source>
        <translation>%1 (нет в шаблоне)</translation>
    </message>
</context>
<context>
    <name>ContestDialog</name>
    <message>
        <source>Contests — %1</source>
        <translation>Конкурсы — %1</translation>
    </message>
    <message>
        <source>New Contest…</source>
        <translation>Новый конкурс…</translation>
    </message>
    <message>
        <source>A new contest of this brand, in its library folder</source>
        <translation>Новый конкурс этого бренда, в его папке библиотеки</translation>
    </message>
    <message>
        <source>Contests</source>
        <translation>Конкурсы</translation>
    </message>
    <message>
        <source>1. Entrants</source>
        <translation>1. Участники</translation>
    </message>
    <message>
        <source>2. Commit</source>
        <translation>2. Фиксация</translation>
    </message>
    <message>
        <source>3. Draw</source>
        <translation>3. Розыгрыш</translation>
    </message>
    <message>
        <source>CSV or Excel exports of comments, reposts or members, or a text list</source>
        <translation>Выгрузки комментариев, репостов или подписчиков в CSV или Excel либо текстовый список</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>the first column</source>
        <translation>первый столбец</translation>
    </message>
    <message>
        <source>a text list: staff, last month&apos;s winners…</source>
        <translation>текстовый список: сотрудники, прошлые победители…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>subscribed=yes, city=Moscow</source>
        <translation>подписан=да, город=Москва</translation>
    </message>
    <message>
        <source>Conditions on other columns, COLUMN=VALUE, by commas</source>
        <translation>Условия по другим столбцам: СТОЛБЕЦ=ЗНАЧЕНИЕ через запятую</translation>
    </message>
    <message>
        <source>what the winners get</source>
        <translation>что получат победители</translation>
    </message>
    <message>
        <source>Id column:</source>
        <translation>Столбец с именами:</translation>
    </message>
    <message>
        <source>Exclude:</source>
        <translation>Исключить:</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Условия:</translation>
    </message>
    <message>
        <source>Prize:</source>
        <translation>Приз:</translation>
    </message>
    <message>
        <source>Read Entrants</source>
        <translation>Прочитать участников</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>Как написано</translation>
    </message>
    <message>
        <source>Why dropped</source>
        <translation>Почему исключено</translation>
    </message>
    <message>
        <source>Committing seals a secret random seed and the list: post the text below before the draw. Afterwards anyone can check that neither the list nor the seed was changed and recompute the winners.</source>
        <translation>Фиксация запечатывает секретное случайное зерно и список: опубликуйте текст ниже до розыгрыша. После него любой сможет проверить, что ни список, ни зерно не менялись, и пересчитать победителей.</translation>
    </message>
    <message>
        <source>Commit and Copy the Text</source>
        <translation>Зафиксировать и скопировать текст</translation>
    </message>
    <message>
        <source>Copy Again</source>
        <translation>Скопировать ещё раз</translation>
    </message>
    <message>
        <source>optional: a public value named in advance</source>
        <translation>необязательно: публичное значение, названное заранее</translation>
    </message>
    <message>
        <source>A value nobody knew at the commitment: a lottery result, a block hash…</source>
        <translation>Значение, которого никто не знал при фиксации: результат лотереи, хеш блока…</translation>
    </message>
    <message>
        <source>Mask names on the cards (@iv***ov)</source>
        <translation>Скрыть имена на карточках (@ив***ов)</translation>
    </message>
    <message>
        <source>Winners:</source>
        <translation>Победителей:</translation>
    </message>
    <message>
        <source>Reserves:</source>
        <translation>Резервных:</translation>
    </message>
    <message>
        <source>Beacon:</source>
        <translation>Маяк:</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Разыграть</translation>
    </message>
    <message>
        <source>Open Winners Card</source>
        <translation>Открыть карточку победителей</translation>
    </message>
    <message>
        <source>Edit the winners card in the studio</source>
        <translation>Редактировать карточку победителей в студии</translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>Показать папку</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>зафиксирован</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>разыгран</translation>
    </message>
    <message numerus="yes">
        <source>%n entrant(s)</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участника</numerusform>
            <numerusform>%n участников</numerusform>
        </translation>
    </message>
    <message>
        <source>New Contest</source>
        <translation>Новый конкурс</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Entrants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Lists (*.csv *.tsv *.xlsx *.txt);;All (*)</source>
        <translation>Списки (*.csv *.tsv *.xlsx *.txt);;Все (*)</translation>
    </message>
    <message>
        <source>Exclude List</source>
        <translation>Список исключений</translation>
    </message>
    <message>
        <source>Text lists (*.txt *.csv);;All (*)</source>
        <translation>Текстовые списки (*.txt *.csv);;Все (*)</translation>
    </message>
    <message>
        <source>Reading the entrants…</source>
        <translation>Читаю участников…</translation>
    </message>
    <message>
        <source>Entrants: %1 · dropped: %2</source>
        <translation>Участников: %1 · исключено: %2</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Фиксирую…</translation>
    </message>
    <message>
        <source>Committed. The text is copied: post it before the draw.</source>
        <translation>Зафиксировано. Текст скопирован: опубликуйте его до розыгрыша.</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Разыгрываю…</translation>
    </message>
    <message>
        <source>Drawn. The cards are in the contest&apos;s folder.</source>
        <translation>Разыграно. Карточки — в папке конкурса.</translation>
    </message>
    <message>
        <source>Reserve: @%1</source>
        <translation>Резерв: @%1</translation>
    </message>
    <message>
        <source>The draw does not verify: %1</source>
        <translation>Розыгрыш не проходит проверку: %1</translation>
    </message>
    <message>
        <source>Verified: the list, the seed and the winners all match.</source>
        <translation>Проверено: список, зерно и победители совпадают.</translation>
    </message>
</context>
<context>
    <name>DropHandler</name>
    <message>
        <source>Cannot use this file</source>
        <translation>Этот файл нельзя использовать</translation>
    </message>
    <message>
        <source>not a photo, logo, font, template or brand bundle</source>
        <translation>это не фото, логотип, шрифт, шаблон или пакет бренда</translation>
    </message>
    <message>
        <source>the template has no photo slot</source>
        <translation>в шаблоне нет поля для фото</translation>
    </message>
    <message>
        <source>Photo: %1</source>
        <translation>Фото: %1</translation>
    </message>
    <message>
        <source>Add Logo</source>
        <translation>Добавить логотип</translation>
    </message>
    <message>
        <source>Logo added: %1</source>
        <translation>Логотип добавлен: %1</translation>
    </message>
    <message>
        <source>%1 is a usable font (%2); assign it with: brandstudio brand font</source>
        <translation>%1 — подходящий шрифт (%2); назначьте его командой: brandstudio brand font</translation>
    </message>
    <message>
        <source>Brand imported: %1</source>
        <translation>Бренд импортирован: %1</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>truncated or damaged image file</source>
        <translation>файл изображения обрезан или повреждён</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>пустой файл (0 байт)</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>не обычный файл</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>файл не найден</translation>
    </message>
    <message>
        <source>cannot be read: permission denied</source>
        <translation>не читается: нет доступа</translation>
    </message>
    <message>
        <source>not enough memory to decode it</source>
        <translation>не хватило памяти, чтобы его открыть</translation>
    </message>
    <message>
        <source>too large: a %1 MiB file (limit %2 MiB)</source>
        <translation>слишком большой: файл %1 МиБ (предел %2 МиБ)</translation>
    </message>
    <message>
        <source>too large: %1×%2 px (limit %3 MP)</source>
        <translation>слишком большой: %1×%2 пикс. (предел %3 Мп)</translation>
    </message>
    <message>
        <source>too large: %1 MP (limit %2 MP)</source>
        <translation>слишком большой: %1 Мп (предел %2 Мп)</translation>
    </message>
    <message>
        <source>too large (limit %1 MP)</source>
        <translation>слишком большой (предел %1 Мп)</translation>
    </message>
    <message>
        <source>not an image Brandstudio can read (unknown format)</source>
        <translation>Brandstudio не читает такое изображение (неизвестный формат)</translation>
    </message>
    <message>
        <source>not an image Brandstudio can read (%1 is not supported)</source>
        <translation>Brandstudio не читает такое изображение (%1 не поддерживается)</translation>
    </message>
    <message>
        <source>not a photo by its name (no extension)</source>
        <translation>по имени это не фото (нет расширения)</translation>
    </message>
    <message>
        <source>not a photo by its name (%1)</source>
        <translation>по имени это не фото (%1)</translation>
    </message>
    <message>
        <source>not started: the job stopped before it</source>
        <translation>не начато: работа остановилась раньше</translation>
    </message>
    <message>
        <source>not done: the export stopped</source>
        <translation>не сделано: экспорт остановлен</translation>
    </message>
    <message>
        <source>took longer than %1 s: stopped</source>
        <translation>дольше %1 с: остановлено</translation>
    </message>
    <message>
        <source>the process working on it stopped twice</source>
        <translation>процесс, который его обрабатывал, дважды остановился</translation>
    </message>
    <message>
        <source>the process working on it stopped</source>
        <translation>процесс, который его обрабатывал, остановился</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <source>a repeat of %1, line %2</source>
        <translation>повтор: %1, строка %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>строка %1</translation>
    </message>
    <message>
        <source>columns separated by tabs</source>
        <translation>столбцы разделены табуляцией</translation>
    </message>
    <message>
        <source>columns separated by “%1”</source>
        <translation>столбцы разделены символом «%1»</translation>
    </message>
    <message>
        <source>read as UTF-16 text</source>
        <translation>прочитано как текст UTF-16</translation>
    </message>
    <message>
        <source>read as Windows-1251 (Cyrillic) text, because it is not UTF-8: this is how Excel saves “CSV (comma delimited)”; choose “CSV UTF-8” to be sure of every letter</source>
        <translation>прочитано как текст Windows-1251 (кириллица), потому что это не UTF-8: так Excel сохраняет «CSV (разделители — запятые)»; выберите «CSV UTF-8», чтобы все буквы прочитались наверняка</translation>
    </message>
    <message>
        <source>skipped empty rows: %1 (%2)</source>
        <translation>пропущено пустых строк: %1 (строки %2)</translation>
    </message>
    <message>
        <source>skipped many empty rows: %1</source>
        <translation>пропущено много пустых строк: %1</translation>
    </message>
    <message>
        <source>the table has no rows under its header (row %1)</source>
        <translation>в таблице нет строк под заголовком (строка %1)</translation>
    </message>
    <message>
        <source>removed control characters (invisible codes such as NUL) from cells: %1</source>
        <translation>удалены управляющие символы (невидимые коды вроде NUL), ячеек: %1</translation>
    </message>
    <message>
        <source>merged cells %1: only the first cell of a merged range has its value, the other rows see it empty (unmerge and fill the cells to repeat a value)</source>
        <translation>объединённые ячейки %1: значение есть только в первой ячейке диапазона, в остальных строках она пуста (разъедините ячейки и заполните их, чтобы повторить значение)</translation>
    </message>
    <message>
        <source>read the sheet %1; the file also has %2</source>
        <translation>прочитан лист %1; в файле есть также %2</translation>
    </message>
    <message>
        <source>on the exclude list (%1)</source>
        <translation>в списке исключений (%1)</translation>
    </message>
    <message>
        <source>condition not met: %1 is &apos;%2&apos;, not &apos;%3&apos;</source>
        <translation>не выполнено условие: %1 — «%2», а нужно «%3»</translation>
    </message>
    <message>
        <source>a line break inside: an id is one line</source>
        <translation>перевод строки внутри: id — одна строка</translation>
    </message>
    <message>
        <source>unreadable row: %1</source>
        <translation>строка не читается: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>%4 · canvas %1 × %2 px · brand %3</source>
        <translation>%4 · холст %1 × %2 пикс. · бренд %3</translation>
    </message>
    <message>
        <source>Template canvas — %1 × %2</source>
        <translation>Холст шаблона — %1 × %2</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <source>What Brandstudio&apos;s check finds at the ticked sizes (View the Check panel)</source>
        <translation>Что проверка Brandstudio находит в отмеченных размерах (подробно — на панели «Проверка»)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Tick at least one size</source>
        <translation>Отметьте хотя бы один размер</translation>
    </message>
    <message>
        <source>Fix the file name pattern</source>
        <translation>Исправьте шаблон имени файла</translation>
    </message>
    <message>
        <source>Choose an output folder</source>
        <translation>Выберите папку для результатов</translation>
    </message>
    <message>
        <source>Export %1 Files</source>
        <translation>Экспортировать файлы (%1)</translation>
    </message>
    <message>
        <source>Export 1 File</source>
        <translation>Экспортировать 1 файл</translation>
    </message>
    <message>
        <source>The template canvas is the same picture as %1: it is written once.</source>
        <translation>Холст шаблона — та же картинка, что и %1: она записывается один раз.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Check: no problems at these sizes</source>
        <translation>Проверка: в этих размерах проблем нет</translation>
    </message>
    <message>
        <source>Check: %1 errors, %2 warnings at these sizes (see the Check panel)</source>
        <translation>Проверка: ошибок — %1, предупреждений — %2 в этих размерах (см. панель «Проверка»)</translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>Не удалось проверить: %1</translation>
    </message>
    <message>
        <source>The check found %1 errors at these sizes.</source>
        <translation>Проверка нашла ошибок в этих размерах: %1.</translation>
    </message>
    <message>
        <source>Export anyway, or go back and fix them (the Check panel lists them)?</source>
        <translation>Всё равно экспортировать или вернуться и исправить (список — на панели «Проверка»)?</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>Всё равно экспортировать</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Вернуться</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export Finished</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Не удалось экспортировать</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose a folder for the new files</source>
        <translation>Выберите папку для новых файлов</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Pick the output folder</source>
        <translation>Выбрать папку для результатов</translation>
    </message>
</context>
<context>
    <name>FontEditor</name>
    <message>
        <source>Italic</source>
        <translation>Курсив</translation>
    </message>
    <message>
        <source>%1 (brand: %2)</source>
        <translation>%1 (бренд: %2)</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (недоступен)</translation>
    </message>
    <message>
        <source>%1 (%2 used)</source>
        <translation>%1 (используется %2)</translation>
    </message>
    <message>
        <source>%1 has no weight %2: the nearest, %3, is drawn.</source>
        <translation>У %1 нет начертания %2: используется ближайшее, %3.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>No template open</source>
        <translation>Шаблон не открыт</translation>
    </message>
    <message>
        <source>Open a template to see its properties.</source>
        <translation>Откройте шаблон, чтобы увидеть его свойства.</translation>
    </message>
    <message>
        <source>Text layer</source>
        <translation>Текстовый слой</translation>
    </message>
    <message>
        <source>Logo layer</source>
        <translation>Слой логотипа</translation>
    </message>
    <message>
        <source>Badge layer</source>
        <translation>Слой плашки</translation>
    </message>
    <message>
        <source>QR code layer</source>
        <translation>Слой QR-кода</translation>
    </message>
    <message>
        <source>Photo layer</source>
        <translation>Слой фото</translation>
    </message>
    <message>
        <source>Shape layer</source>
        <translation>Слой фигуры</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Шрифт</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Абзац</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Вписывание</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>Эффекты</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Плашка</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Фигура</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 пикс.</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Холст</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Фон</translation>
    </message>
    <message>
        <source>Select a layer to see its properties.</source>
        <translation>Выделите слой, чтобы увидеть его свойства.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Видимый</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Закреплён</translation>
    </message>
    <message>
        <source>A locked layer cannot be moved on the canvas.</source>
        <translation>Закреплённый слой нельзя сдвинуть на холсте.</translation>
    </message>
    <message>
        <source>Position and size</source>
        <translation>Положение и размер</translation>
    </message>
    <message>
        <source>Typography</source>
        <translation>Типографика</translation>
    </message>
    <message>
        <source>Master layout</source>
        <translation>Основной макет</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Слайды</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>Слайд</translation>
    </message>
    <message>
        <source>Responsive</source>
        <translation>Адаптивность</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Положение</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>W</source>
        <translation>Ш</translation>
    </message>
    <message>
        <source>H</source>
        <translation>В</translation>
    </message>
    <message>
        <source>Size preset</source>
        <translation>Пресет размера</translation>
    </message>
    <message>
        <source>As in the master layout</source>
        <translation>Как в основном макете</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Показан</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Скрыт</translation>
    </message>
    <message>
        <source>Show or hide this layer at this size only.</source>
        <translation>Показать или скрыть слой только в этом размере.</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Видимость</translation>
    </message>
    <message>
        <source>Link to master layout</source>
        <translation>Связать с основным макетом</translation>
    </message>
    <message>
        <source>Drop this size&apos;s own position: the layer follows the master layout again.</source>
        <translation>Убрать собственное положение в этом размере: слой снова следует основному макету.</translation>
    </message>
    <message numerus="yes">
        <source>%n layers selected</source>
        <translation>
            <numerusform>Выбран %n слой</numerusform>
            <numerusform>Выбрано %n слоя</numerusform>
            <numerusform>Выбрано %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Select one layer to see all its properties.</source>
        <translation>Выделите один слой, чтобы увидеть все его свойства.</translation>
    </message>
    <message>
        <source>The template&apos;s own canvas</source>
        <translation>Собственный холст шаблона</translation>
    </message>
    <message>
        <source>Choose a size preset to give this layer its own position there.</source>
        <translation>Выберите пресет размера, чтобы задать слою собственное положение в нём.</translation>
    </message>
    <message>
        <source>Override for %1</source>
        <translation>Переопределение для %1</translation>
    </message>
    <message>
        <source>This layer has its own layout at this size; edits apply here only.</source>
        <translation>У этого слоя своё положение в этом размере; изменения применяются только здесь.</translation>
    </message>
    <message>
        <source>This layer follows the master layout; edits will make an override for this size.</source>
        <translation>Слой следует основному макету; изменения создадут переопределение для этого размера.</translation>
    </message>
    <message>
        <source>None: this layer follows the master layout.</source>
        <translation>Нет: слой следует основному макету.</translation>
    </message>
    <message>
        <source>⚠ %1 has no %2: drawn with another font.</source>
        <translation>⚠ В %1 нет %2: нарисовано другим шрифтом.</translation>
    </message>
    <message>
        <source>⚠ No bundled font has %1: left out of the image.</source>
        <translation>⚠ Ни в одном встроенном шрифте нет %1: в изображение не попадёт.</translation>
    </message>
    <message>
        <source>Not applied: %1 (%2).</source>
        <translation>Не применено: %1 (%2).</translation>
    </message>
    <message>
        <source>Rename Layer</source>
        <translation>Переименовать слой</translation>
    </message>
    <message numerus="yes">
        <source>Show %n Layers</source>
        <translation>
            <numerusform>Показать %n слой</numerusform>
            <numerusform>Показать %n слоя</numerusform>
            <numerusform>Показать %n слоёв</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hide %n Layers</source>
        <translation>
            <numerusform>Скрыть %n слой</numerusform>
            <numerusform>Скрыть %n слоя</numerusform>
            <numerusform>Скрыть %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показать %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Скрыть %1</translation>
    </message>
    <message numerus="yes">
        <source>Lock %n Layers</source>
        <translation>
            <numerusform>Закрепить %n слой</numerusform>
            <numerusform>Закрепить %n слоя</numerusform>
            <numerusform>Закрепить %n слоёв</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlock %n Layers</source>
        <translation>
            <numerusform>Открепить %n слой</numerusform>
            <numerusform>Открепить %n слоя</numerusform>
            <numerusform>Открепить %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>Закрепить %1</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>Открепить %1</translation>
    </message>
    <message>
        <source>Change Background</source>
        <translation>Изменить фон</translation>
    </message>
    <message numerus="yes">
        <source>Change Opacity of %n Layers</source>
        <translation>
            <numerusform>Изменить непрозрачность %n слоя</numerusform>
            <numerusform>Изменить непрозрачность %n слоёв</numerusform>
            <numerusform>Изменить непрозрачность %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Переместить %1</translation>
    </message>
    <message>
        <source>Resize %1</source>
        <translation>Изменить размер: %1</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Изменить %1 (%2)</translation>
    </message>
    <message>
        <source>Not applied: %1.</source>
        <translation>Не применено: %1.</translation>
    </message>
    <message>
        <source>Change Visibility of %1 at %2</source>
        <translation>Изменить видимость %1 в размере %2</translation>
    </message>
    <message>
        <source>Link %1 to Master Layout</source>
        <translation>Связать %1 с основным макетом</translation>
    </message>
    <message>
        <source>Tick to set %1; untick to leave it unset.</source>
        <translation>Отметьте, чтобы задать %1; снимите отметку, чтобы оставить не заданным.</translation>
    </message>
    <message>
        <source>Percent of the canvas&apos;s shorter side.</source>
        <translation>Процент от короткой стороны холста.</translation>
    </message>
    <message>
        <source>In ems: multiples of the font size as drawn.</source>
        <translation>В em: доли размера шрифта в отрисовке.</translation>
    </message>
    <message>
        <source>Percent of the frame (or of its shorter side, by the units).</source>
        <translation>Процент от рамки (или от её короткой стороны — по единицам).</translation>
    </message>
    <message>
        <source>Fill the box (crop)</source>
        <translation>Заполнить рамку (кадрировать)</translation>
    </message>
    <message>
        <source>Fit inside (letterbox)</source>
        <translation>Вписать целиком (с полями)</translation>
    </message>
    <message>
        <source>Fixed size</source>
        <translation>Фиксированный размер</translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <translation>Уменьшать, чтобы влез</translation>
    </message>
    <message>
        <source>Fill the box</source>
        <translation>Заполнить рамку</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ни одного</translation>
    </message>
    <message>
        <source>Rounded corners</source>
        <translation>Скруглённые углы</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Круг</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Light (for dark backgrounds)</source>
        <translation>Светлый (для тёмного фона)</translation>
    </message>
    <message>
        <source>Dark (for light backgrounds)</source>
        <translation>Тёмный (для светлого фона)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>По центру</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Сверху</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>По середине</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Снизу</translation>
    </message>
    <message>
        <source>Rounded rectangle</source>
        <translation>Скруглённый прямоугольник</translation>
    </message>
    <message>
        <source>Starburst</source>
        <translation>Звезда-вспышка</translation>
    </message>
    <message>
        <source>Ribbon</source>
        <translation>Лента</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Прямоугольник</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Эллипс</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>Low (7 %)</source>
        <translation>Низкая (7 %)</translation>
    </message>
    <message>
        <source>Medium (15 %)</source>
        <translation>Средняя (15 %)</translation>
    </message>
    <message>
        <source>Quartile (25 %)</source>
        <translation>Квартиль (25 %)</translation>
    </message>
    <message>
        <source>High (30 %)</source>
        <translation>Высокая (30 %)</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русская</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английская</translation>
    </message>
    <message>
        <source>Off (as typed)</source>
        <translation>Выключена (как набрано)</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Рамка</translation>
    </message>
    <message>
        <source>Short side</source>
        <translation>Короткая сторона</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Сверху слева</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Сверху справа</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Снизу слева</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Снизу справа</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Тонкий</translation>
    </message>
    <message>
        <source>Extra Light</source>
        <translation>Сверхсветлый</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлый</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Средний</translation>
    </message>
    <message>
        <source>Semi Bold</source>
        <translation>Полужирный</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Жирный</translation>
    </message>
    <message>
        <source>Extra Bold</source>
        <translation>Сверхжирный</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Чёрный</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Непрозрачность</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Поворот</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Привязка</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>Pixels of the size on screen; other sizes follow by the responsive layout.</source>
        <translation>Пиксели размера на экране; остальные размеры следуют адаптивной разметке.</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Высота</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Пропорции</translation>
    </message>
    <message>
        <source>Width divided by height: keeps the shape.</source>
        <translation>Ширина, делённая на высоту: сохраняет форму.</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Содержимое</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Фокус</translation>
    </message>
    <message>
        <source>The point kept in every crop.</source>
        <translation>Точка, которая остаётся в кадре при любом кадрировании.</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Маска</translation>
    </message>
    <message>
        <source>Corner radius</source>
        <translation>Радиус скругления</translation>
    </message>
    <message>
        <source>Percent of the box&apos;s shorter side.</source>
        <translation>Процент от короткой стороны рамки.</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Наложение</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Вариант</translation>
    </message>
    <message>
        <source>On the template&apos;s own canvas.</source>
        <translation>На собственном холсте шаблона.</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>По вертикали</translation>
    </message>
    <message>
        <source>Line height</source>
        <translation>Межстрочный интервал</translation>
    </message>
    <message>
        <source>Letter spacing</source>
        <translation>Межбуквенный интервал</translation>
    </message>
    <message>
        <source>Uppercase</source>
        <translation>Прописные</translation>
    </message>
    <message>
        <source>Hyphenate</source>
        <translation>Переносы</translation>
    </message>
    <message>
        <source>Stroke</source>
        <translation>Обводка</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Тень</translation>
    </message>
    <message>
        <source>Offset X</source>
        <translation>Смещение по X</translation>
    </message>
    <message>
        <source>Offset Y</source>
        <translation>Смещение по Y</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Размытие</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>Внутренний отступ</translation>
    </message>
    <message>
        <source>Smallest</source>
        <translation>Наименьший</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Наибольший</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Заливка</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Контур</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Лучи</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Цвет текста</translation>
    </message>
    <message>
        <source>Percent of the badge&apos;s size.</source>
        <translation>Процент от размера плашки.</translation>
    </message>
    <message>
        <source>Dark colour</source>
        <translation>Тёмный цвет</translation>
    </message>
    <message>
        <source>Light colour</source>
        <translation>Светлый цвет</translation>
    </message>
    <message>
        <source>Error correction</source>
        <translation>Коррекция ошибок</translation>
    </message>
    <message>
        <source>Quiet zone</source>
        <translation>Свободная зона</translation>
    </message>
    <message>
        <source> modules</source>
        <translation> мод.</translation>
    </message>
    <message>
        <source>The point of the frame the layer is pinned to.</source>
        <translation>Точка рамки, к которой привязан слой.</translation>
    </message>
    <message>
        <source>Frame: the box stretches with the canvas. Short side: the box keeps its shape.</source>
        <translation>Рамка: блок растягивается вместе с холстом. Короткая сторона: блок сохраняет форму.</translation>
    </message>
    <message>
        <source>Sets the text as a proofreader would while laying it out: no-break spaces after short words and in numbers with units, «quotes», dashes, ranges. The text you typed is kept as it is.</source>
        <translation>Набирает текст так, как это сделал бы корректор: неразрывные пробелы после коротких слов и в числах с единицами, «кавычки», тире, диапазоны. Набранный вами текст не меняется.</translation>
    </message>
    <message>
        <source>Break long words at syllables (Russian and English dictionaries), never in a headline&apos;s first line. Soft hyphens you type are always honoured.</source>
        <translation>Переносить длинные слова по слогам (русский и английский словари), но не в первой строке заголовка. Набранные вами мягкие переносы учитываются всегда.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <source>Across all slides</source>
        <translation>На всех слайдах сразу</translation>
    </message>
    <message>
        <source>Every slide</source>
        <translation>На каждом слайде</translation>
    </message>
    <message>
        <source>Every slide but the last</source>
        <translation>На каждом, кроме последнего</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>Слайд %1</translation>
    </message>
    <message>
        <source>%1 — %2 (id: %3)</source>
        <translation>%1 — %2 (id: %3)</translation>
    </message>
    <message>
        <source>Own position at this size</source>
        <translation>Своё положение в этом размере</translation>
    </message>
</context>
<context>
    <name>LayerSlideField</name>
    <message>
        <source>Across all slides: the layer may cross the joins (a photo, a swoosh). On a slide: placed within that slide. Every slide: repeated, and {slide} and {slides} in its text become the slide&apos;s number and the count.</source>
        <translation>На всех слайдах сразу: слой может переходить через стыки (фото, росчерк). На слайде: размещается в пределах этого слайда. На каждом слайде: повторяется, а {slide} и {slides} в его тексте становятся номером слайда и их числом.</translation>
    </message>
    <message>
        <source>Choose which carousel slide the layer is on.</source>
        <translation>Выбрать, на каком слайде карусели находится слой.</translation>
    </message>
    <message>
        <source>Across all slides</source>
        <translation>На всех слайдах сразу</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>Слайд %1</translation>
    </message>
    <message>
        <source>Every slide</source>
        <translation>На каждом слайде</translation>
    </message>
    <message>
        <source>Every slide but the last</source>
        <translation>На каждом, кроме последнего</translation>
    </message>
    <message>
        <source>Move to Slide</source>
        <translation>Перенести на слайд</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Text layer</source>
        <translation>Текстовый слой</translation>
    </message>
    <message>
        <source>Logo layer</source>
        <translation>Слой логотипа</translation>
    </message>
    <message>
        <source>Badge layer</source>
        <translation>Слой плашки</translation>
    </message>
    <message>
        <source>QR code layer</source>
        <translation>Слой QR-кода</translation>
    </message>
    <message>
        <source>Photo layer</source>
        <translation>Слой фото</translation>
    </message>
    <message>
        <source>Shape layer</source>
        <translation>Слой фигуры</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Add a text layer.</source>
        <translation>Добавить текстовый слой.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Add the brand&apos;s logo.</source>
        <translation>Добавить логотип бренда.</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Плашка</translation>
    </message>
    <message>
        <source>Add a badge (a sticker with text).</source>
        <translation>Добавить плашку (стикер с текстом).</translation>
    </message>
    <message>
        <source>QR Code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <source>Add a QR code of a link.</source>
        <translation>Добавить QR-код ссылки.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Add a photo.</source>
        <translation>Добавить фото.</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Фигура</translation>
    </message>
    <message>
        <source>Add a rectangle, ellipse or line.</source>
        <translation>Добавить прямоугольник, эллипс или линию.</translation>
    </message>
    <message>
        <source>Add Layer</source>
        <translation>Добавить слой</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <source>Duplicate the selected layers.</source>
        <translation>Дублировать выбранные слои.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected layers.</source>
        <translation>Удалить выбранные слои.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Rename the selected layer.</source>
        <translation>Переименовать выбранный слой.</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move the selected layers up the stack (in front).</source>
        <translation>Поднять выбранные слои выше (на передний план).</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Move the selected layers down the stack (behind).</source>
        <translation>Опустить выбранные слои ниже (на задний план).</translation>
    </message>
    <message>
        <source>Show or Hide</source>
        <translation>Показать или скрыть</translation>
    </message>
    <message>
        <source>Show or hide the selected layers.</source>
        <translation>Показать или скрыть выбранные слои.</translation>
    </message>
    <message>
        <source>Lock or Unlock</source>
        <translation>Закрепить или открепить</translation>
    </message>
    <message>
        <source>Lock the selected layers against moving on the canvas, or unlock them.</source>
        <translation>Закрепить выбранные слои, чтобы их нельзя было сдвинуть на холсте, или открепить.</translation>
    </message>
    <message>
        <source>Add a layer</source>
        <translation>Добавить слой</translation>
    </message>
    <message>
        <source>Add a layer of any type above the selection.</source>
        <translation>Добавить слой любого типа над выделенным.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Открепить</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Закрепить</translation>
    </message>
    <message>
        <source>Rename Layer</source>
        <translation>Переименовать слой</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показать %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Скрыть %1</translation>
    </message>
    <message numerus="yes">
        <source>Show %n Layers</source>
        <translation>
            <numerusform>Показать %n слой</numerusform>
            <numerusform>Показать %n слоя</numerusform>
            <numerusform>Показать %n слоёв</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hide %n Layers</source>
        <translation>
            <numerusform>Скрыть %n слой</numerusform>
            <numerusform>Скрыть %n слоя</numerusform>
            <numerusform>Скрыть %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>Закрепить %1</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>Открепить %1</translation>
    </message>
    <message numerus="yes">
        <source>Lock %n Layers</source>
        <translation>
            <numerusform>Закрепить %n слой</numerusform>
            <numerusform>Закрепить %n слоя</numerusform>
            <numerusform>Закрепить %n слоёв</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlock %n Layers</source>
        <translation>
            <numerusform>Открепить %n слой</numerusform>
            <numerusform>Открепить %n слоя</numerusform>
            <numerusform>Открепить %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Text Layer</source>
        <translation>Добавить текстовый слой</translation>
    </message>
    <message>
        <source>Add Logo Layer</source>
        <translation>Добавить слой логотипа</translation>
    </message>
    <message>
        <source>Add Badge Layer</source>
        <translation>Добавить плашку</translation>
    </message>
    <message>
        <source>Add QR Code Layer</source>
        <translation>Добавить QR-код</translation>
    </message>
    <message>
        <source>Add Photo Layer</source>
        <translation>Добавить слой фото</translation>
    </message>
    <message>
        <source>Add Shape Layer</source>
        <translation>Добавить фигуру</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>Дублировать %1</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Layers</source>
        <translation>
            <numerusform>Дублировать %n слой</numerusform>
            <numerusform>Дублировать %n слоя</numerusform>
            <numerusform>Дублировать %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Удалить %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Layers</source>
        <translation>
            <numerusform>Удалить %n слой</numerusform>
            <numerusform>Удалить %n слоя</numerusform>
            <numerusform>Удалить %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 Up</source>
        <translation>Поднять %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n Layers Up</source>
        <translation>
            <numerusform>Поднять %n слой</numerusform>
            <numerusform>Поднять %n слоя</numerusform>
            <numerusform>Поднять %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 Down</source>
        <translation>Опустить %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n Layers Down</source>
        <translation>
            <numerusform>Опустить %n слой</numerusform>
            <numerusform>Опустить %n слоя</numerusform>
            <numerusform>Опустить %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to Slide</source>
        <translation>Перенести на слайд</translation>
    </message>
    <message>
        <source>Reorder Layers</source>
        <translation>Изменить порядок слоёв</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Announcement</source>
        <translation>Анонс</translation>
    </message>
    <message>
        <source>Contest</source>
        <translation>Конкурс</translation>
    </message>
    <message>
        <source>Contest protocol</source>
        <translation>Протокол розыгрыша</translation>
    </message>
    <message>
        <source>Contest reminder</source>
        <translation>Напоминание о конкурсе</translation>
    </message>
    <message>
        <source>Contest rules</source>
        <translation>Правила конкурса</translation>
    </message>
    <message>
        <source>Logo stamp</source>
        <translation>Логотип на фото</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>Акция</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>Победители</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Бренд</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>New template from a starter</source>
        <translation>Новый шаблон из заготовки</translation>
    </message>
    <message>
        <source>Filter by name or tag</source>
        <translation>Фильтр по имени или тегу</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Дублировать…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Brand: new, edit, import, export, delete</source>
        <translation>Бренд: создать, изменить, импорт, экспорт, удалить</translation>
    </message>
    <message>
        <source>Cannot open the template</source>
        <translation>Не удалось открыть шаблон</translation>
    </message>
    <message>
        <source>New Template</source>
        <translation>Новый шаблон</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>Имя нового шаблона:</translation>
    </message>
    <message>
        <source>Cannot create the template</source>
        <translation>Не удалось создать шаблон</translation>
    </message>
    <message>
        <source>Duplicate Template</source>
        <translation>Дублировать шаблон</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Имя копии:</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 копия</translation>
    </message>
    <message>
        <source>Cannot duplicate the template</source>
        <translation>Не удалось дублировать шаблон</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Переименовать шаблон</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
    <message>
        <source>Cannot rename the template</source>
        <translation>Не удалось переименовать шаблон</translation>
    </message>
    <message>
        <source>Move the template “%1” to the library trash?</source>
        <translation>Переместить шаблон «%1» в корзину библиотеки?</translation>
    </message>
    <message>
        <source>It stays open: saving it puts it back in the library.</source>
        <translation>Он останется открытым: если сохранить его, он вернётся в библиотеку.</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Удалить шаблон</translation>
    </message>
    <message>
        <source>Cannot delete the template</source>
        <translation>Не удалось удалить шаблон</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Теги: %1</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Нет превью: %1</translation>
    </message>
    <message>
        <source>The library has no brands yet.</source>
        <translation>В библиотеке пока нет брендов.</translation>
    </message>
    <message>
        <source>No templates yet: create one with New.</source>
        <translation>Шаблонов пока нет: создайте первый кнопкой «Создать».</translation>
    </message>
    <message>
        <source>No template matches the filter.</source>
        <translation>Под фильтр не подходит ни один шаблон.</translation>
    </message>
    <message>
        <source>New Template from Starter</source>
        <translation>Новый шаблон из заготовки</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>В корзину</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Содержимое</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>All Sizes</source>
        <translation>Все размеры</translation>
    </message>
    <message>
        <source>Getting Started</source>
        <translation>С чего начать</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a template file</source>
        <translation>Открыть файл шаблона</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Сохранить шаблон</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Save the template as a file</source>
        <translation>Сохранить шаблон в файл</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Export images in the chosen sizes</source>
        <translation>Экспортировать изображения в выбранных размерах</translation>
    </message>
    <message>
        <source>S&amp;tamp Photos…</source>
        <translation>&amp;Логотип на фото…</translation>
    </message>
    <message>
        <source>Put the logo on many photos at once</source>
        <translation>Поставить логотип сразу на много фото</translation>
    </message>
    <message>
        <source>&amp;Data Merge…</source>
        <translation>&amp;Объединение данных…</translation>
    </message>
    <message>
        <source>Make one post per spreadsheet row</source>
        <translation>Сделать по посту на каждую строку таблицы</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Quit Brandstudio</source>
        <translation>Выйти из Brandstudio</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Redo the change undone</source>
        <translation>Повторить отменённое изменение</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Дублировать</translation>
    </message>
    <message>
        <source>Duplicate the selected layer</source>
        <translation>Дублировать выбранный слой</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Выделить &amp;все</translation>
    </message>
    <message>
        <source>Select every layer</source>
        <translation>Выделить все слои</translation>
    </message>
    <message>
        <source>&amp;Deselect</source>
        <translation>Снять в&amp;ыделение</translation>
    </message>
    <message>
        <source>Select no layer</source>
        <translation>Снять выделение со всех слоёв</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>У&amp;величить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;По размеру окна</translation>
    </message>
    <message>
        <source>Show the whole canvas</source>
        <translation>Показать холст целиком</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Реальный размер (100%)</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel: exactly the exported pixels</source>
        <translation>Один пиксель изображения на пиксель экрана: ровно те пиксели, что будут в экспорте</translation>
    </message>
    <message>
        <source>&amp;Safe Zone</source>
        <translation>&amp;Безопасная зона</translation>
    </message>
    <message>
        <source>Show the preset&apos;s safe zone</source>
        <translation>Показать безопасную зону пресета</translation>
    </message>
    <message>
        <source>&amp;About Brandstudio</source>
        <translation>&amp;О Brandstudio</translation>
    </message>
    <message>
        <source>About Brandstudio</source>
        <translation>О Brandstudio</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;С чего начать</translation>
    </message>
    <message>
        <source>What you can do here</source>
        <translation>Что здесь можно делать</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New from Starter</source>
        <translation>&amp;Новый из заготовки</translation>
    </message>
    <message>
        <source>Start from this starter template</source>
        <translation>Начать с этой заготовки</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>С&amp;лой</translation>
    </message>
    <message>
        <source>&amp;Add Layer</source>
        <translation>&amp;Добавить слой</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <source>&amp;Logo</source>
        <translation>&amp;Логотип</translation>
    </message>
    <message>
        <source>&amp;Badge</source>
        <translation>&amp;Плашка</translation>
    </message>
    <message>
        <source>&amp;QR Code</source>
        <translation>&amp;QR-код</translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation>&amp;Фото</translation>
    </message>
    <message>
        <source>&amp;Shape</source>
        <translation>Фи&amp;гура</translation>
    </message>
    <message>
        <source>Add a new layer of this kind</source>
        <translation>Добавить новый слой этого типа</translation>
    </message>
    <message>
        <source>A&amp;lign</source>
        <translation>&amp;Выровнять</translation>
    </message>
    <message>
        <source>&amp;Left Edges</source>
        <translation>По &amp;левому краю</translation>
    </message>
    <message>
        <source>Horizontal &amp;Centres</source>
        <translation>По центру по &amp;горизонтали</translation>
    </message>
    <message>
        <source>&amp;Right Edges</source>
        <translation>По &amp;правому краю</translation>
    </message>
    <message>
        <source>&amp;Top Edges</source>
        <translation>По &amp;верхнему краю</translation>
    </message>
    <message>
        <source>&amp;Vertical Centres</source>
        <translation>По центру по в&amp;ертикали</translation>
    </message>
    <message>
        <source>&amp;Bottom Edges</source>
        <translation>По &amp;нижнему краю</translation>
    </message>
    <message>
        <source>Align the selected layers (one layer: to the canvas)</source>
        <translation>Выровнять выбранные слои (один слой — относительно холста)</translation>
    </message>
    <message>
        <source>&amp;Distribute</source>
        <translation>&amp;Распределить</translation>
    </message>
    <message>
        <source>&amp;Horizontally</source>
        <translation>По &amp;горизонтали</translation>
    </message>
    <message>
        <source>Equal gaps between three or more layers, left to right</source>
        <translation>Равные промежутки между тремя и более слоями, слева направо</translation>
    </message>
    <message>
        <source>&amp;Vertically</source>
        <translation>По &amp;вертикали</translation>
    </message>
    <message>
        <source>Equal gaps between three or more layers, top to bottom</source>
        <translation>Равные промежутки между тремя и более слоями, сверху вниз</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Show or hide this panel</source>
        <translation>Показать или скрыть эту панель</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <source>Content &amp;Plan…</source>
        <translation>&amp;Контент-план…</translation>
    </message>
    <message>
        <source>See a content plan&apos;s posts on a calendar, edit them, export a month</source>
        <translation>Посты контент-плана в календаре: правка и экспорт месяца</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Use this language (after a restart)</source>
        <translation>Использовать этот язык (после перезапуска)</translation>
    </message>
    <message>
        <source>The language changes when Brandstudio starts again.</source>
        <translation>Язык сменится при следующем запуске Brandstudio.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Пресеты</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>Нет шаблона</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Отменить «%1»</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Повторить «%1»</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 пикс.</translation>
    </message>
    <message>
        <source>rendered in %1 ms</source>
        <translation>отрисовано за %1 мс</translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation>Этот файл нельзя использовать</translation>
    </message>
    <message>
        <source>Open this template again</source>
        <translation>Снова открыть этот шаблон</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Сохранить изменения в «%1»?</translation>
    </message>
    <message>
        <source>Cannot open the template</source>
        <translation>Не удалось открыть шаблон</translation>
    </message>
    <message>
        <source>Open Template</source>
        <translation>Открыть шаблон</translation>
    </message>
    <message>
        <source>Brandstudio templates (*.json)</source>
        <translation>Шаблоны Brandstudio (*.json)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Save Template As</source>
        <translation>Сохранить шаблон как</translation>
    </message>
    <message>
        <source>Add %1 Layer</source>
        <translation>Добавить слой: %1</translation>
    </message>
    <message>
        <source>Align Layers</source>
        <translation>Выровнять слои</translation>
    </message>
    <message>
        <source>Select three or more layers to distribute them.</source>
        <translation>Чтобы распределить слои, выделите три или больше.</translation>
    </message>
    <message>
        <source>Distribute Layers</source>
        <translation>Распределить слои</translation>
    </message>
    <message>
        <source>Brandstudio %1
Branded images for every network, offline.</source>
        <translation>Brandstudio %1
Фирменные картинки для всех соцсетей — без интернета.</translation>
    </message>
    <message>
        <source>Brandstudio closed without saving “%1”. Recover the unsaved changes?</source>
        <translation>Brandstudio закрылся, не сохранив «%1». Восстановить несохранённые изменения?</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Восстановить несохранённую работу</translation>
    </message>
</context>
<context>
    <name>MergeCheck</name>
    <message>
        <source>What Brandstudio&apos;s check finds in the table&apos;s first rows at the ticked sizes</source>
        <translation>Что проверка Brandstudio находит в первых строках таблицы в отмеченных размерах</translation>
    </message>
    <message>
        <source>Skip rows with check errors</source>
        <translation>Пропускать строки с ошибками проверки</translation>
    </message>
    <message>
        <source>Every row is checked as it is made; with this on, a row whose check finds an error is not made (the summary and report.json list why)</source>
        <translation>Каждая строка проверяется при создании; если включено, строка, в которой проверка нашла ошибку, не создаётся (причины — в итогах и report.json)</translation>
    </message>
    <message>
        <source>Checking the first rows…</source>
        <translation>Проверяю первые строки…</translation>
    </message>
    <message numerus="yes">
        <source>Check of the first %n row(s): no problems</source>
        <translation>
            <numerusform>Проверка первой %n строки: проблем нет</numerusform>
            <numerusform>Проверка первых %n строк: проблем нет</numerusform>
            <numerusform>Проверка первых %n строк: проблем нет</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Check of the first %n row(s): %1 errors, %2 warnings in rows %3</source>
        <translation>
            <numerusform>Проверка первой %n строки: ошибок — %1, предупреждений — %2, в строках: %3</numerusform>
            <numerusform>Проверка первых %n строк: ошибок — %1, предупреждений — %2, в строках: %3</numerusform>
            <numerusform>Проверка первых %n строк: ошибок — %1, предупреждений — %2, в строках: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>Не удалось проверить: %1</translation>
    </message>
    <message>
        <source>Data Merge</source>
        <translation>Объединение данных</translation>
    </message>
    <message numerus="yes">
        <source>The check found %1 errors in the first %n row(s).</source>
        <translation>
            <numerusform>Проверка нашла ошибок: %1 в первой %n строке.</numerusform>
            <numerusform>Проверка нашла ошибок: %1 в первых %n строках.</numerusform>
            <numerusform>Проверка нашла ошибок: %1 в первых %n строках.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make the posts anyway, or go back and fix the template or the table? You can also tick &apos;Skip rows with check errors&apos;.</source>
        <translation>Всё равно создать посты или вернуться и исправить шаблон или таблицу? Можно также включить «Пропускать строки с ошибками проверки».</translation>
    </message>
    <message>
        <source>Make Anyway</source>
        <translation>Всё равно создать</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Вернуться</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Data Merge</source>
        <translation>Объединение данных</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Make Posts</source>
        <translation>Создать посты</translation>
    </message>
    <message>
        <source>Make one post per row into the output folder</source>
        <translation>Создать по посту на каждую строку в папке результатов</translation>
    </message>
    <message>
        <source>Data Merge: %1</source>
        <translation>Объединение данных: %1</translation>
    </message>
    <message>
        <source>One finished post per row of a spreadsheet: each column fills the slot of the same name. Image paths are relative to the spreadsheet&apos;s folder.</source>
        <translation>По готовому посту на каждую строку таблицы: каждый столбец заполняет поле с тем же именем. Пути к картинкам — относительно папки таблицы.</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file</source>
        <translation>Файл .csv или .xlsx</translation>
    </message>
    <message>
        <source>The spreadsheet: a header row, then one row per post</source>
        <translation>Таблица: строка заголовков, затем по строке на пост</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file</source>
        <translation>Выберите файл CSV или Excel</translation>
    </message>
    <message>
        <source>The Excel sheet to read</source>
        <translation>Лист Excel, который читать</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Таблица:</translation>
    </message>
    <message>
        <source>The table&apos;s first rows; pick one to preview it</source>
        <translation>Первые строки таблицы; выберите строку для превью</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Превью</translation>
    </message>
    <message>
        <source>The selected row at the first size</source>
        <translation>Выбранная строка в первом размере</translation>
    </message>
    <message>
        <source>Which column fills each slot. Matched by name or label; a slot without a column keeps the template&apos;s value.</source>
        <translation>Какой столбец заполняет каждое поле. Сопоставляется по имени или подписи; поле без столбца сохраняет значение из шаблона.</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>link</source>
        <translation>ссылка</translation>
    </message>
    <message>
        <source>Slot %1</source>
        <translation>Поле %1</translation>
    </message>
    <message>
        <source>The column that fills this slot in every row</source>
        <translation>Столбец, который заполняет это поле в каждой строке</translation>
    </message>
    <message>
        <source>— template&apos;s value —</source>
        <translation>— значение из шаблона —</translation>
    </message>
    <message>
        <source>A column &quot;hide&quot; lists layers to hide in its row; a column &quot;hide:LAYER&quot; hides LAYER where its cell says yes (1, yes, x, да).</source>
        <translation>Столбец «hide» перечисляет слои, которые скрыть в его строке; столбец «hide:СЛОЙ» скрывает СЛОЙ там, где в ячейке стоит «да» (1, yes, x, да).</translation>
    </message>
    <message>
        <source>Template canvas — %1 × %2</source>
        <translation>Холст шаблона — %1 × %2</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <source>{template}, {row}, {preset}, {width}, {height} and every column</source>
        <translation>{template}, {row}, {preset}, {width}, {height} и любой столбец</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Choose a table to see its rows</source>
        <translation>Выберите таблицу, чтобы увидеть её строки</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>Выбор таблицы</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation>Таблицы (*.csv *.tsv *.xlsx *.xlsm);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Читаем %1…</translation>
    </message>
    <message>
        <source>The table has no rows</source>
        <translation>В таблице нет строк</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Нет превью</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation>Строк: %1</translation>
    </message>
    <message>
        <source>the first %1 shown</source>
        <translation>показаны первые %1</translation>
    </message>
    <message>
        <source>with problems (marked): %1</source>
        <translation>с проблемами (отмечены): %1</translation>
    </message>
    <message>
        <source>Hide columns: %1</source>
        <translation>Столбцы скрытия: %1</translation>
    </message>
    <message>
        <source>Also for file names: %1</source>
        <translation>Также для имён файлов: %1</translation>
    </message>
    <message>
        <source>The table cannot be used: see the message above</source>
        <translation>Таблицу нельзя использовать: см. сообщение выше</translation>
    </message>
    <message>
        <source>Choose a table</source>
        <translation>Выберите таблицу</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>Читаем таблицу…</translation>
    </message>
    <message>
        <source>Fix the hide column (Columns tab)</source>
        <translation>Исправьте столбец скрытия (вкладка «Столбцы»)</translation>
    </message>
    <message>
        <source>No column fills a slot: choose columns on the Columns tab</source>
        <translation>Ни один столбец не заполняет поле: выберите столбцы на вкладке «Столбцы»</translation>
    </message>
    <message>
        <source>Tick at least one size on the Output tab</source>
        <translation>Отметьте хотя бы один размер на вкладке «Результат»</translation>
    </message>
    <message>
        <source>Fix the file name pattern on the Output tab</source>
        <translation>Исправьте шаблон имени файла на вкладке «Результат»</translation>
    </message>
    <message>
        <source>Choose an output folder on the Output tab</source>
        <translation>Выберите папку для результатов на вкладке «Результат»</translation>
    </message>
    <message>
        <source>Checking where the image cells of %1 rows lead…</source>
        <translation>Проверяем, куда ведут пути к картинкам в строках: %1…</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Строка %1</translation>
    </message>
    <message>
        <source>rendering…</source>
        <translation>отрисовка…</translation>
    </message>
    <message>
        <source>Row %1 cannot be made</source>
        <translation>Строку %1 не удалось сделать</translation>
    </message>
    <message>
        <source>Making Posts</source>
        <translation>Создаём посты</translation>
    </message>
    <message>
        <source>Data Merge Finished</source>
        <translation>Объединение данных завершено</translation>
    </message>
    <message>
        <source>Cannot Make the Posts</source>
        <translation>Не удалось создать посты</translation>
    </message>
</context>
<context>
    <name>NamePatternField</name>
    <message>
        <source>Fields in braces are filled for each file: %1</source>
        <translation>Поля в фигурных скобках заполняются для каждого файла: %1</translation>
    </message>
    <message>
        <source>The file name pattern is empty</source>
        <translation>Шаблон имени файла пуст</translation>
    </message>
    <message>
        <source>First file: %1</source>
        <translation>Первый файл: %1</translation>
    </message>
</context>
<context>
    <name>OutputOptions</name>
    <message>
        <source>Same as the photo</source>
        <translation>Как у фото</translation>
    </message>
    <message>
        <source>JPEG for photos everywhere; PNG keeps transparency and sharp text (larger files); WebP is smaller for the same quality.</source>
        <translation>JPEG подходит для фото везде; PNG сохраняет прозрачность и чёткий текст (файлы больше); WebP меньше при том же качестве.</translation>
    </message>
    <message>
        <source>JPEG and WebP quality: 85-92 suits social networks</source>
        <translation>Качество JPEG и WebP: для соцсетей подходит 85–92</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Не больше</translation>
    </message>
    <message>
        <source>Lower the quality as little as needed to keep each file under the size</source>
        <translation>Снижать качество ровно настолько, чтобы каждый файл уложился в размер</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> КБ</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Папка для результатов</translation>
    </message>
    <message>
        <source>Where the new files go; originals are never changed</source>
        <translation>Куда попадут новые файлы; оригиналы не меняются</translation>
    </message>
    <message>
        <source>Replace files left there by other jobs</source>
        <translation>Заменять файлы других заданий</translation>
    </message>
    <message>
        <source>Off (recommended): a file that another job or a person put in the folder is never overwritten; the new file gets -2, -3… at the end of its name. Running the same job again always replaces its own files.</source>
        <translation>Выключено (рекомендуется): файл, который положило в папку другое задание или человек, никогда не перезаписывается; новый файл получает -2, -3… в конце имени. Повторный запуск того же задания всегда заменяет свои файлы.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Quality:</source>
        <translation>Качество:</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>Размер файла:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
</context>
<context>
    <name>OutsidePaths</name>
    <message>
        <source>Photos From Other Folders</source>
        <translation>Фото из других папок</translation>
    </message>
    <message numerus="yes">
        <source>%n image cell(s) name files outside the spreadsheet&apos;s folder and the library. A shared spreadsheet could use them to put your private photos into a post.

Use these files anyway?</source>
        <translation>
            <numerusform>%n ячейка с изображением указывает на файл вне папки таблицы и библиотеки. Через чужую таблицу так можно вставить ваши личные фото в пост.

Всё равно использовать эти файлы?</numerusform>
            <numerusform>%n ячейки с изображениями указывают на файлы вне папки таблицы и библиотеки. Через чужую таблицу так можно вставить ваши личные фото в пост.

Всё равно использовать эти файлы?</numerusform>
            <numerusform>%n ячеек с изображениями указывают на файлы вне папки таблицы и библиотеки. Через чужую таблицу так можно вставить ваши личные фото в пост.

Всё равно использовать эти файлы?</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Them</source>
        <translation>Использовать</translation>
    </message>
</context>
<context>
    <name>PaintEditor</name>
    <message>
        <source>Replace with colour</source>
        <translation>Заменить цветом</translation>
    </message>
    <message>
        <source>Replace the gradient with a flat colour (its first stop).</source>
        <translation>Заменить градиент сплошным цветом (его первой точкой).</translation>
    </message>
    <message numerus="yes">
        <source>Linear, %n stops</source>
        <translation>
            <numerusform>Линейный, %n точка</numerusform>
            <numerusform>Линейный, %n точки</numerusform>
            <numerusform>Линейный, %n точек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Radial, %n stops</source>
        <translation>
            <numerusform>Радиальный, %n точка</numerusform>
            <numerusform>Радиальный, %n точки</numerusform>
            <numerusform>Радиальный, %n точек</numerusform>
        </translation>
    </message>
    <message>
        <source>A gradient: edit its stops in the template file, or replace it.</source>
        <translation>Градиент: его точки правятся в файле шаблона, или замените его.</translation>
    </message>
</context>
<context>
    <name>PairEditor</name>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
</context>
<context>
    <name>PhotoList</name>
    <message>
        <source>Photos and folders to stamp; drop more here</source>
        <translation>Фото и папки для логотипа; перетащите сюда ещё</translation>
    </message>
    <message>
        <source>Drop photos or folders here
or use the buttons below</source>
        <translation>Перетащите сюда фото или папки
или нажмите кнопки ниже</translation>
    </message>
</context>
<context>
    <name>PlanExport</name>
    <message>
        <source>Exporting the Plan</source>
        <translation>Экспорт плана</translation>
    </message>
    <message>
        <source>Plan Exported</source>
        <translation>План экспортирован</translation>
    </message>
    <message>
        <source>Cannot Export the Plan</source>
        <translation>Не удалось экспортировать план</translation>
    </message>
    <message>
        <source>Export the Plan Into</source>
        <translation>Куда экспортировать план</translation>
    </message>
</context>
<context>
    <name>PlanWindow</name>
    <message>
        <source>Content Plan</source>
        <translation>Контент-план</translation>
    </message>
    <message>
        <source>Open Plan…</source>
        <translation>Открыть план…</translation>
    </message>
    <message>
        <source>Open a content plan (CSV or Excel)</source>
        <translation>Открыть контент-план (CSV или Excel)</translation>
    </message>
    <message>
        <source>No plan open</source>
        <translation>План не открыт</translation>
    </message>
    <message>
        <source>The brand whose templates and logo the posts use</source>
        <translation>Бренд, чьи шаблоны и логотип берут посты</translation>
    </message>
    <message>
        <source>Brand:</source>
        <translation>Бренд:</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Show this month</source>
        <translation>Показать текущий месяц</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>Открыть в редакторе</translation>
    </message>
    <message>
        <source>Open the chosen post in the editor, filled with its row</source>
        <translation>Открыть выбранный пост в редакторе с данными его строки</translation>
    </message>
    <message>
        <source>Export Month…</source>
        <translation>Экспорт месяца…</translation>
    </message>
    <message>
        <source>Make the posts&apos; images and the overview for approval (PDF)</source>
        <translation>Сделать картинки постов и обзор на согласование (PDF)</translation>
    </message>
    <message>
        <source>Rows that are not on the calendar, and why</source>
        <translation>Строки, которых нет в календаре, и почему</translation>
    </message>
    <message>
        <source>Open a plan: one row per post, with its date and rubric.</source>
        <translation>Откройте план: одна строка на пост, с датой и рубрикой.</translation>
    </message>
    <message>
        <source>Open Content Plan</source>
        <translation>Открыть контент-план</translation>
    </message>
    <message>
        <source>Content plans (*.csv *.xlsx)</source>
        <translation>Контент-планы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Cannot Open the Plan</source>
        <translation>Не удалось открыть план</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Утверждено</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
    <message>
        <source>%1 posts in the plan, %2 this month</source>
        <translation>Постов в плане: %1, в этом месяце: %2</translation>
    </message>
    <message>
        <source>rows with errors: %1</source>
        <translation>строк с ошибками: %1</translation>
    </message>
    <message>
        <source>In the editor: row %1, %2 · %3</source>
        <translation>В редакторе: строка %1, %2 · %3</translation>
    </message>
    <message>
        <source>No edits to save.</source>
        <translation>Нет правок для сохранения.</translation>
    </message>
    <message>
        <source>Cannot Save to the Plan</source>
        <translation>Не удалось сохранить в план</translation>
    </message>
    <message>
        <source>Not Saved to the Plan</source>
        <translation>Не сохранено в план</translation>
    </message>
    <message>
        <source>The plan has no column for: %1. Add a column of that name to keep it.</source>
        <translation>В плане нет столбца для: %1. Добавьте столбец с таким названием, чтобы сохранить.</translation>
    </message>
    <message>
        <source>Saved to row %1.</source>
        <translation>Сохранено в строку %1.</translation>
    </message>
    <message>
        <source>Save Edits</source>
        <translation>Сохранить правки</translation>
    </message>
    <message>
        <source>This post: the changed texts and photos are written into its row of the plan.
The rubric template: the template is saved, so every post of this rubric changes.</source>
        <translation>Этот пост: изменённые тексты и фото записываются в его строку плана.
Шаблон рубрики: сохраняется шаблон, и меняются все посты этой рубрики.</translation>
    </message>
    <message>
        <source>Rubric Template</source>
        <translation>Шаблон рубрики</translation>
    </message>
    <message>
        <source>Export Month</source>
        <translation>Экспорт месяца</translation>
    </message>
    <message>
        <source>Export which posts?</source>
        <translation>Какие посты экспортировать?</translation>
    </message>
    <message>
        <source>Where do the edits of row %1 go?</source>
        <translation>Куда сохранить правки строки %1?</translation>
    </message>
    <message>
        <source>This Post (Row %1)</source>
        <translation>Этот пост (строка %1)</translation>
    </message>
    <message>
        <source>Whole Plan (%1 posts)</source>
        <translation>Весь план (постов: %1)</translation>
    </message>
    <message>
        <source>%1 (%2 posts)</source>
        <translation>%1 (постов: %2)</translation>
    </message>
</context>
<context>
    <name>PostBanner</name>
    <message>
        <source>Save Edits…</source>
        <translation>Сохранить правки…</translation>
    </message>
    <message>
        <source>Put the edits into this post&apos;s row or into the rubric template</source>
        <translation>Записать правки в строку поста или в шаблон рубрики</translation>
    </message>
    <message>
        <source>Show Editor</source>
        <translation>К редактору</translation>
    </message>
    <message>
        <source>Go back to the post in the editor</source>
        <translation>Вернуться к посту в редакторе</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>The size the canvas shows and edits</source>
        <translation>Размер, который показывается и редактируется на холсте</translation>
    </message>
    <message>
        <source>Edit this preset only</source>
        <translation>Только этот пресет</translation>
    </message>
    <message>
        <source>Off: moving and resizing changes the master layout, and every size follows it (linked).
On: changes apply to this preset only, as an override; the master layout and the other sizes stay as they are.</source>
        <translation>Выключено: перемещение и изменение размера меняют основной макет, и все размеры следуют за ним (связаны).
Включено: изменения применяются только к этому пресету как переопределение; основной макет и остальные размеры не меняются.</translation>
    </message>
    <message>
        <source>Safe zone</source>
        <translation>Безопасная зона</translation>
    </message>
    <message>
        <source>Show the area the network&apos;s interface may cover (for presets that have one)</source>
        <translation>Показать область, которую может закрыть интерфейс соцсети (у пресетов, где она есть)</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>Превью</translation>
    </message>
    <message>
        <source>Choose the sizes shown side by side</source>
        <translation>Выбрать размеры, которые показываются рядом</translation>
    </message>
    <message>
        <source>Template canvas</source>
        <translation>Холст шаблона</translation>
    </message>
    <message>
        <source>Template canvas %1</source>
        <translation>Холст шаблона %1</translation>
    </message>
    <message>
        <source>Show All Sizes</source>
        <translation>Показать все размеры</translation>
    </message>
    <message>
        <source>Reset to Default</source>
        <translation>Сбросить по умолчанию</translation>
    </message>
</context>
<context>
    <name>PresetPicker</name>
    <message>
        <source>Tick every size to make; one file per size</source>
        <translation>Отметьте нужные размеры; по файлу на каждый</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Tick every size</source>
        <translation>Отметить все размеры</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Снять все</translation>
    </message>
    <message>
        <source>Untick every size</source>
        <translation>Снять отметки со всех размеров</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Выбрано: %1</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Instagram post, square</source>
        <translation>Пост Instagram, квадрат</translation>
    </message>
    <message>
        <source>Instagram post, portrait 4:5</source>
        <translation>Пост Instagram, вертикальный 4:5</translation>
    </message>
    <message>
        <source>Instagram story / reel cover</source>
        <translation>Сторис Instagram / обложка Reels</translation>
    </message>
    <message>
        <source>Facebook post / link image</source>
        <translation>Пост Facebook / картинка ссылки</translation>
    </message>
    <message>
        <source>X (Twitter) post image</source>
        <translation>Картинка поста X (Twitter)</translation>
    </message>
    <message>
        <source>LinkedIn post image</source>
        <translation>Картинка поста LinkedIn</translation>
    </message>
    <message>
        <source>Pinterest pin 2:3</source>
        <translation>Пин Pinterest 2:3</translation>
    </message>
    <message>
        <source>YouTube video thumbnail</source>
        <translation>Обложка видео YouTube</translation>
    </message>
    <message>
        <source>VK community cover</source>
        <translation>Обложка сообщества ВКонтакте</translation>
    </message>
    <message>
        <source>VK wall post</source>
        <translation>Пост на стене ВКонтакте</translation>
    </message>
    <message>
        <source>VK story / clip cover</source>
        <translation>История ВКонтакте / обложка клипа</translation>
    </message>
    <message>
        <source>Odnoklassniki post</source>
        <translation>Пост в Одноклассниках</translation>
    </message>
    <message>
        <source>Telegram channel post</source>
        <translation>Пост в Telegram-канале</translation>
    </message>
    <message>
        <source>TikTok photo post / video cover</source>
        <translation>Фотопост TikTok / обложка видео</translation>
    </message>
</context>
<context>
    <name>PreviewStrip</name>
    <message>
        <source>Show the sizes</source>
        <translation>Показать размеры</translation>
    </message>
    <message>
        <source>Fold the sizes away</source>
        <translation>Свернуть размеры</translation>
    </message>
    <message>
        <source>Choose the sizes to preview with Previews in the preset bar.</source>
        <translation>Выберите размеры для превью кнопкой «Превью» на панели пресетов.</translation>
    </message>
    <message>
        <source>Open a template to see it at every size.</source>
        <translation>Откройте шаблон, чтобы увидеть его во всех размерах.</translation>
    </message>
</context>
<context>
    <name>PreviewTile</name>
    <message>
        <source>Click to edit the template at this size</source>
        <translation>Нажмите, чтобы редактировать шаблон в этом размере</translation>
    </message>
    <message>
        <source>Cannot render: %1</source>
        <translation>Не удалось отрисовать: %1</translation>
    </message>
</context>
<context>
    <name>SaveAsDialog</name>
    <message>
        <source>Save Template As</source>
        <translation>Сохранить шаблон как</translation>
    </message>
    <message>
        <source>The brand whose library keeps the template</source>
        <translation>Бренд, в библиотеке которого хранится шаблон</translation>
    </message>
    <message>
        <source>The template&apos;s name in the library</source>
        <translation>Имя шаблона в библиотеке</translation>
    </message>
    <message>
        <source>Brand:</source>
        <translation>Бренд:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Save as File…</source>
        <translation>Сохранить в файл…</translation>
    </message>
    <message>
        <source>Save the template as a file outside the library</source>
        <translation>Сохранить шаблон в файл вне библиотеки</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Дайте шаблону имя.</translation>
    </message>
    <message>
        <source>A name cannot contain / \ : * ? &quot; &lt; &gt; | or start with a dot.</source>
        <translation>Имя не может содержать / \ : * ? &quot; &lt; &gt; | или начинаться с точки.</translation>
    </message>
    <message>
        <source>The library has no brand yet.</source>
        <translation>В библиотеке пока нет бренда.</translation>
    </message>
    <message>
        <source>A template of this name exists: saving replaces it.</source>
        <translation>Шаблон с таким именем уже есть: сохранение заменит его.</translation>
    </message>
</context>
<context>
    <name>SizeEditBar</name>
    <message>
        <source>This size only</source>
        <translation>Только этот размер</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Все размеры</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>Запомнить</translation>
    </message>
    <message>
        <source>This size only: switch on “Edit this preset only”. All sizes: do not ask again.</source>
        <translation>Только этот размер: включить «Только этот пресет». Все размеры: больше не спрашивать.</translation>
    </message>
    <message>
        <source>Changed at every size. Only for %1?</source>
        <translation>Изменено во всех размерах. Только для %1?</translation>
    </message>
    <message>
        <source>%1 (this size)</source>
        <translation>%1 (этот размер)</translation>
    </message>
</context>
<context>
    <name>SlideCountField</name>
    <message>
        <source>1 (single image)</source>
        <translation>1 (одно изображение)</translation>
    </message>
    <message>
        <source>A carousel: the design spans this many slides side by side, and each size is exported as one image per slide.</source>
        <translation>Карусель: макет растягивается на столько слайдов подряд, и каждый размер экспортируется отдельной картинкой на слайд.</translation>
    </message>
    <message>
        <source>Set how many carousel slides the post has.</source>
        <translation>Задать число слайдов карусели в посте.</translation>
    </message>
    <message>
        <source>Change Slides</source>
        <translation>Изменить число слайдов</translation>
    </message>
</context>
<context>
    <name>SlotEditor</name>
    <message>
        <source>%1 (not in the template)</source>
        <translation>%1 (нет в шаблоне)</translation>
    </message>
</context>
<context>
    <name>SlotField</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>The slot&apos;s name in data files: %1</source>
        <translation>Имя поля в файлах данных: %1</translation>
    </message>
    <message>
        <source>UTM…</source>
        <translation>UTM…</translation>
    </message>
    <message>
        <source>Tag this link for each network its QR codes are posted to.</source>
        <translation>Пометить ссылку UTM-метками для каждой соцсети, куда уходят её QR-коды.</translation>
    </message>
    <message>
        <source>Tagged: %1</source>
        <translation>Метки: %1</translation>
    </message>
    <message>
        <source>Not tagged</source>
        <translation>Без меток</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Нет фото</translation>
    </message>
    <message>
        <source>The photo&apos;s file. Drop an image file here to use it.</source>
        <translation>Файл фото. Перетащите сюда картинку, чтобы использовать её.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose a photo file.</source>
        <translation>Выбрать файл фото.</translation>
    </message>
    <message>
        <source>⚠ Too long for a QR code (%1 characters): shorten the link or lower the error correction.</source>
        <translation>⚠ Слишком длинно для QR-кода (символов: %1): сократите ссылку или снизьте уровень коррекции ошибок.</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Изображения (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose a Photo</source>
        <translation>Выбор фото</translation>
    </message>
    <message>
        <source>Choose a photo: this slot has no sample.</source>
        <translation>Выберите фото: у этого поля нет образца.</translation>
    </message>
    <message>
        <source>⚠ No file at this path.</source>
        <translation>⚠ По этому пути нет файла.</translation>
    </message>
    <message>
        <source>⚠ Not a photo Brandstudio can read (JPEG, PNG, WebP…).</source>
        <translation>⚠ Brandstudio не может прочитать это фото (нужен JPEG, PNG, WebP…).</translation>
    </message>
</context>
<context>
    <name>SlotsPanel</name>
    <message>
        <source>Open a template to fill in its content.</source>
        <translation>Откройте шаблон, чтобы заполнить его содержимое.</translation>
    </message>
    <message>
        <source>This template has no content slots.</source>
        <translation>В этом шаблоне нет полей для содержимого.</translation>
    </message>
    <message>
        <source>Edit UTM Tags</source>
        <translation>Изменить UTM-метки</translation>
    </message>
</context>
<context>
    <name>StampDialog</name>
    <message>
        <source>Stamp Photos</source>
        <translation>Логотип на фото</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Знак</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Поставить</translation>
    </message>
    <message>
        <source>Stamp every photo into the output folder</source>
        <translation>Поставить знак на все фото и сохранить в папку результатов</translation>
    </message>
    <message>
        <source>Put the logo and a text mark on many photos at once. The originals are never changed: stamped copies go to the output folder.</source>
        <translation>Ставит логотип и текстовую подпись сразу на много фото. Оригиналы не меняются: копии со знаком попадают в папку результатов.</translation>
    </message>
    <message>
        <source>Add Photos…</source>
        <translation>Добавить фото…</translation>
    </message>
    <message>
        <source>Choose photo files</source>
        <translation>Выбрать файлы фото</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Choose a folder: every photo in it</source>
        <translation>Выбрать папку: все фото в ней</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Take the selected entries off the list</source>
        <translation>Убрать выбранное из списка</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Включая вложенные папки</translation>
    </message>
    <message>
        <source>Also stamp the photos in subfolders; the output keeps their structure</source>
        <translation>Ставить знак и на фото во вложенных папках; структура папок сохранится</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Превью</translation>
    </message>
    <message>
        <source>The stamp on the first photos, at the first size</source>
        <translation>Знак на первых фото, в первом размере</translation>
    </message>
    <message>
        <source>Brand:</source>
        <translation>Бренд:</translation>
    </message>
    <message>
        <source>The brand&apos;s logo, in its light, dark and mono forms</source>
        <translation>Логотип бренда: светлый, тёмный и монохромный варианты</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>A logo image, best a PNG or WebP with transparency</source>
        <translation>Изображение логотипа, лучше PNG или WebP с прозрачностью</translation>
    </message>
    <message>
        <source>logo.png</source>
        <translation>logo.png</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>No logo: only the text mark</source>
        <translation>Без логотипа: только подпись</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Логотип:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Положение:</translation>
    </message>
    <message>
        <source>The logo&apos;s longer side, as a share of the photo&apos;s shorter side</source>
        <translation>Длинная сторона логотипа как доля короткой стороны фото</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Space from the edges, as a share of the shorter side</source>
        <translation>Отступ от краёв как доля короткой стороны</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>Отступ:</translation>
    </message>
    <message>
        <source>100 % is fully opaque</source>
        <translation>100 % — полностью непрозрачный</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>Непрозрачность:</translation>
    </message>
    <message>
        <source>Auto: light or dark by the photo</source>
        <translation>Авто: светлый или тёмный по фото</translation>
    </message>
    <message>
        <source>Light (for dark photos)</source>
        <translation>Светлый (для тёмных фото)</translation>
    </message>
    <message>
        <source>Dark (for light photos)</source>
        <translation>Тёмный (для светлых фото)</translation>
    </message>
    <message>
        <source>Mono</source>
        <translation>Монохромный</translation>
    </message>
    <message>
        <source>Which form of the logo to use</source>
        <translation>Какой вариант логотипа использовать</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Вариант:</translation>
    </message>
    <message>
        <source>Repeat over the whole photo (watermark)</source>
        <translation>Водяной знак по всему фото</translation>
    </message>
    <message>
        <source>A diagonal pattern of the mark; position and margin do not apply</source>
        <translation>Диагональный узор из знака; положение и отступ не учитываются</translation>
    </message>
    <message>
        <source>Tile:</source>
        <translation>Замостить:</translation>
    </message>
    <message>
        <source>Degrees, anticlockwise; 30-45 suits a tiled watermark</source>
        <translation>Градусы против часовой стрелки; для водяного знака подходит 30–45</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Поворот:</translation>
    </message>
    <message>
        <source>Add a text mark</source>
        <translation>Добавить подпись</translation>
    </message>
    <message>
        <source>A line such as © and the brand, in the bottom corner away from the logo</source>
        <translation>Строка вроде © и названия бренда, в нижнем углу подальше от логотипа</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Auto: by the photo</source>
        <translation>Авто: по фото</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Белый</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Чёрный</translation>
    </message>
    <message>
        <source>The text mark&apos;s colour</source>
        <translation>Цвет подписи</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Цвет:</translation>
    </message>
    <message>
        <source>Original size (no crop)</source>
        <translation>Исходный размер (без кадрирования)</translation>
    </message>
    <message>
        <source>Original keeps each photo&apos;s size; a network size crops the photo to fill it</source>
        <translation>Исходный сохраняет размер каждого фото; размер соцсети кадрирует фото под себя</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <source>Keep camera data (EXIF), without GPS location</source>
        <translation>Сохранить данные камеры (EXIF), кроме GPS</translation>
    </message>
    <message>
        <source>Copy the date, camera and author from each photo; the GPS location is always removed. Off: the files carry no metadata.</source>
        <translation>Переносить дату, камеру и автора из каждого фото; GPS-координаты удаляются всегда. Выключено: в файлах не будет метаданных.</translation>
    </message>
    <message>
        <source>%1 (this template&apos;s brand)</source>
        <translation>%1 (бренд этого шаблона)</translation>
    </message>
    <message>
        <source>Add Photos</source>
        <translation>Добавить фото</translation>
    </message>
    <message>
        <source>Photos (%1);;All files (*)</source>
        <translation>Фото (%1);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Добавить папку</translation>
    </message>
    <message>
        <source>Logo File</source>
        <translation>Файл логотипа</translation>
    </message>
    <message>
        <source>Images (*.png *.webp *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.webp *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose a brand, or a logo file</source>
        <translation>Выберите бренд или файл логотипа</translation>
    </message>
    <message>
        <source>Choose a logo file</source>
        <translation>Выберите файл логотипа</translation>
    </message>
    <message>
        <source>Add photos or a folder</source>
        <translation>Добавьте фото или папку</translation>
    </message>
    <message>
        <source>Tick at least one size on the Output tab</source>
        <translation>Отметьте хотя бы один размер на вкладке «Результат»</translation>
    </message>
    <message>
        <source>Choose an output folder on the Output tab</source>
        <translation>Выберите папку для результатов на вкладке «Результат»</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Фото: %1</translation>
    </message>
    <message>
        <source>other files left out: %1</source>
        <translation>других файлов пропущено: %1</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>не читается: %1</translation>
    </message>
    <message>
        <source>enlarged so much they look blurry: %1</source>
        <translation>слишком увеличены, будут размыты: %1</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Нет фото</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Нет превью: %1</translation>
    </message>
    <message>
        <source>Stamping Photos</source>
        <translation>Ставим логотип на фото</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be read and will fail.</source>
        <translation>
            <numerusform>%n файл не читается и не будет обработан.</numerusform>
            <numerusform>%n файла не читаются и не будут обработаны.</numerusform>
            <numerusform>%n файлов не читаются и не будут обработаны.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are so small that the chosen sizes enlarge them more than 1.5 times: they will look blurry.</source>
        <translation>
            <numerusform>%n фото настолько маленькое, что выбранные размеры увеличат его больше чем в 1,5 раза: оно будет размытым.</numerusform>
            <numerusform>%n фото настолько маленькие, что выбранные размеры увеличат их больше чем в 1,5 раза: они будут размытыми.</numerusform>
            <numerusform>%n фото настолько маленькие, что выбранные размеры увеличат их больше чем в 1,5 раза: они будут размытыми.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stamp anyway, or go back and change the photos or sizes?</source>
        <translation>Всё равно поставить знак или вернуться и изменить фото или размеры?</translation>
    </message>
    <message>
        <source>Stamp Anyway</source>
        <translation>Всё равно поставить</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Вернуться</translation>
    </message>
    <message>
        <source>Stamping Finished</source>
        <translation>Логотип поставлен</translation>
    </message>
    <message>
        <source>Cannot Stamp</source>
        <translation>Не удалось поставить логотип</translation>
    </message>
</context>
<context>
    <name>TemplateDocument</name>
    <message>
        <source>Edit %1</source>
        <translation>Изменить «%1»</translation>
    </message>
    <message>
        <source>Apply Brand %1</source>
        <translation>Применить бренд %1</translation>
    </message>
</context>
<context>
    <name>UtmTagsDialog</name>
    <message>
        <source>UTM Tags</source>
        <translation>UTM-метки</translation>
    </message>
    <message>
        <source>QR codes showing “%1” can tag its link for each network: utm_source becomes vk, instagram, telegram… by the size the post is exported at.</source>
        <translation>QR-коды со ссылкой «%1» могут помечать её для каждой соцсети: utm_source — vk, instagram, telegram… по размеру, в котором экспортируется пост.</translation>
    </message>
    <message>
        <source>&amp;Tag the link for each network</source>
        <translation>&amp;Помечать ссылку для каждой соцсети</translation>
    </message>
    <message>
        <source>Add utm_source and the tags below to the link.</source>
        <translation>Добавить к ссылке utm_source и метки ниже.</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Кампания:</translation>
    </message>
    <message>
        <source>Medium:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Содержание:</translation>
    </message>
    <message>
        <source>The link is encoded as written.</source>
        <translation>Ссылка кодируется как написана.</translation>
    </message>
    <message>
        <source>Only web links (http, https) are tagged.</source>
        <translation>Метки ставятся только на веб-ссылки (http, https).</translation>
    </message>
    <message>
        <source>Encoded, for example:</source>
        <translation>Например, в коде будет:</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>What you can do here</source>
        <translation>Что здесь можно делать</translation>
    </message>
    <message>
        <source>Edit the post: click a layer on the canvas to move, resize or rotate it; change its text and photo in Content.</source>
        <translation>Редактируйте пост: щёлкните слой на холсте, чтобы переместить, изменить размер или повернуть его; текст и фото меняются в «Содержимом».</translation>
    </message>
    <message>
        <source>See every network size at once in All Sizes; pick one in the preset bar.</source>
        <translation>Все размеры соцсетей сразу — в «Всех размерах»; нужный выбирается на панели пресетов.</translation>
    </message>
    <message>
        <source>Drop a photo onto the canvas to use it, or a PNG logo to add it.</source>
        <translation>Перетащите фото на холст, чтобы вставить его, или PNG-логотип, чтобы добавить.</translation>
    </message>
    <message>
        <source>File ▸ Export makes the images; Stamp Photos puts your logo on a whole folder; Data Merge makes one post per spreadsheet row.</source>
        <translation>Файл ▸ Экспорт создаёт изображения; «Логотип на фото» ставит логотип на целую папку; «Объединение данных» делает по посту на каждую строку таблицы.</translation>
    </message>
    <message>
        <source>Your brands and templates are in the Library; Ctrl+S saves there.</source>
        <translation>Ваши бренды и шаблоны — в Библиотеке; Ctrl+S сохраняет туда.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Понятно</translation>
    </message>
    <message>
        <source>Hide this panel (Help ▸ Getting Started shows it again)</source>
        <translation>Скрыть эту панель (Справка ▸ С чего начать покажет её снова)</translation>
    </message>
</context>
</TS>
