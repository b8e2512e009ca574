<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>Banner</name>
    <message>
      <location filename="../../app/ui/banner.py" line="26" />
      <source>Dismiss</source>
      <translation>Скрыть</translation>
    </message>
  </context>
  <context>
    <name>Connection</name>
    <message>
      <location filename="../../app/ui/wording.py" line="181" />
      <source>Connecting…</source>
      <translation>Подключение…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="186" />
      <source>Built-in renderer</source>
      <translation>Встроенный рендерер</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="188" />
      <source>SuperDuperAI cloud</source>
      <translation>Облако SuperDuperAI</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="190" />
      <source>Custom server</source>
      <translation>Свой сервер</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="205" />
      <source>Starting the built-in renderer…</source>
      <translation>Запуск встроенного рендерера…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="210" />
      <source>Token refused</source>
      <translation>Токен отклонён</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="215" />
      <source>Not connected</source>
      <translation>Нет подключения</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="223" />
      <source>The built-in renderer did not start. Try again, or choose another backend in Settings. The details are in the log file (Help → Diagnostics).</source>
      <translation>Встроенный рендерер не запустился. Попробуйте ещё раз или выберите другой сервер в настройках. Подробности — в файле журнала (Справка → Диагностика).</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="234" />
      <source>Sign-in needed</source>
      <translation>Нужен вход</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="236" />
      <source>Models unavailable</source>
      <translation>Модели недоступны</translation>
    </message>
  </context>
  <context>
    <name>DiagnosticsDialog</name>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="28" />
      <source>Live connections opened</source>
      <translation>Открыто живых подключений</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="29" />
      <source>Live connection failures</source>
      <translation>Сбоев живого подключения</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="30" />
      <source>Reconnects</source>
      <translation>Переподключений</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="31" />
      <source>Fallbacks to polling</source>
      <translation>Переходов на опрос</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="32" />
      <source>Status checks (polls)</source>
      <translation>Проверок статуса (опросов)</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="33" />
      <source>Failed status checks</source>
      <translation>Неудачных проверок статуса</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="34" />
      <source>Events received</source>
      <translation>Получено событий</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="35" />
      <source>Events skipped</source>
      <translation>Пропущено событий</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="36" />
      <source>Downloads</source>
      <translation>Загрузок</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="37" />
      <source>Download retries</source>
      <translation>Повторов загрузки</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="38" />
      <source>Bytes downloaded</source>
      <translation>Загружено байт</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="54" />
      <source>Diagnostics</source>
      <translation>Диагностика</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="66" />
      <source>Framecast</source>
      <translation>Framecast</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="67" />
      <source>Backend</source>
      <translation>Сервер</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="75" />
      <source>Not logging to a file</source>
      <translation>Журнал в файл не пишется</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="78" />
      <source>Log file</source>
      <translation>Файл журнала</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="80" />
      <source>Open log file</source>
      <translation>Открыть журнал</translation>
    </message>
    <message>
      <location filename="../../app/ui/diagnostics_dialog.py" line="85" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../app/ui/wording.py" line="261" />
      <source>Your account has no credits left for this video. Top up your balance, or choose a shorter or cheaper model.</source>
      <translation>На вашем счёте не хватает кредитов на это видео. Пополните баланс или выберите более короткое видео или более дешёвую модель.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="254" />
      <source>The server refused these settings: %1</source>
      <translation>Сервер отклонил эти настройки: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="252" />
      <source>The render failed: %1</source>
      <translation>Рендер не удался: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="256" />
      <source>The server did not accept your API token. Paste a valid token in Settings to continue.</source>
      <translation>Сервер не принял ваш API-токен. Вставьте действующий токен в настройках, чтобы продолжить.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="266" />
      <source>The server refused these settings.</source>
      <translation>Сервер отклонил эти настройки.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="270" />
      <source>The render failed.</source>
      <translation>Рендер не удался.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="271" />
      <source>The server no longer knows this video.</source>
      <translation>Сервер больше не знает об этом видео.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="272" />
      <source>The finished video could not be downloaded or does not play. Press Retry to try again.</source>
      <translation>Готовое видео не удалось загрузить, или оно не воспроизводится. Нажмите «Повторить», чтобы попробовать ещё раз.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="277" />
      <source>The video took longer than Framecast could wait.</source>
      <translation>Видео готовилось дольше, чем Framecast мог ждать.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="278" />
      <source>Framecast was closed before the server confirmed this video, so it may not have started. Press Retry to send it again.</source>
      <translation>Framecast закрылся раньше, чем сервер подтвердил это видео, поэтому оно могло не начаться. Нажмите «Повторить», чтобы отправить его снова.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="298" />
      <source>The server asked us to slow down. Try again in a moment.</source>
      <translation>Сервер просит не торопиться. Попробуйте чуть позже.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="300" />
      <source>Can't reach the server right now. Check your connection; Framecast will keep trying.</source>
      <translation>Сейчас не удаётся связаться с сервером. Проверьте подключение; Framecast продолжит попытки.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="312" />
      <source>Not connected to a backend yet.</source>
      <translation>Подключение к серверу ещё не установлено.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="314" />
      <source>The settings of this video were not found.</source>
      <translation>Настройки этого видео не найдены.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="316" />
      <source>The video file is missing: %1</source>
      <translation>Файл видео не найден: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="320" />
      <source>Settings could not be saved: %1</source>
      <translation>Не удалось сохранить настройки: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="288" />
      <source>Something went wrong. The details are in the log file (Help → Diagnostics).</source>
      <translation>Что-то пошло не так. Подробности — в файле журнала (Справка → Диагностика).</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="267" />
      <source>The server could not be reached. Press Retry when you are back online.</source>
      <translation>Не удалось связаться с сервером. Нажмите «Повторить», когда связь восстановится.</translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <location filename="../../app/ui/history_panel.py" line="231" />
      <location filename="../../app/ui/history_panel.py" line="248" />
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="238" />
      <source>Search history</source>
      <translation>Поиск по истории</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="239" />
      <source>Search prompts and models</source>
      <translation>Поиск по описаниям и моделям</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="331" />
      <source>No videos yet.
Everything you generate is kept here.</source>
      <translation>Видео пока нет.
Всё, что вы создадите, появится здесь.</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="266" />
      <location filename="../../app/ui/history_panel.py" line="268" />
      <location filename="../../app/ui/history_panel.py" line="370" />
      <source>Use these settings</source>
      <translation>Взять настройки</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="271" />
      <location filename="../../app/ui/history_panel.py" line="273" />
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="328" />
      <source>Nothing matches this search.</source>
      <translation>Ничего не найдено.</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="367" />
      <source>Play</source>
      <translation>Воспроизвести</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="372" />
      <source>Show in folder</source>
      <translation>Показать в папке</translation>
    </message>
    <message>
      <location filename="../../app/ui/history_panel.py" line="377" />
      <source>Delete…</source>
      <translation>Удалить…</translation>
    </message>
  </context>
  <context>
    <name>ImageDropZone</name>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="201" />
      <source>Source picture</source>
      <translation>Исходное изображение</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="214" />
      <source>Drop a picture here or click to choose
JPEG, PNG or WebP, up to 10 MB</source>
      <translation>Перетащите изображение сюда или нажмите, чтобы выбрать
JPEG, PNG или WebP, до 10 МБ</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="221" />
      <location filename="../../app/ui/prompt_form.py" line="222" />
      <source>Remove picture</source>
      <translation>Убрать изображение</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="282" />
      <source>Choose a picture</source>
      <translation>Выберите изображение</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="284" />
      <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
      <translation>Изображения (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
  </context>
  <context>
    <name>Jobs</name>
    <message>
      <location filename="../../app/ui/wording.py" line="58" />
      <source>%1 s</source>
      <translation>%1 с</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="74" />
      <source>%1 · about %2 left</source>
      <translation>%1 · осталось около %2</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="84" />
      <source>Today %1</source>
      <translation>Сегодня %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="93" />
      <source>New video</source>
      <translation>Новое видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="104" />
      <source>In progress (%1)</source>
      <translation>В работе (%1)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="105" />
      <source>In progress</source>
      <translation>В работе</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="111" />
      <source>Rendering · %1%</source>
      <translation>Рендер · %1%</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="113" />
      <source>Downloading the video · %1%</source>
      <translation>Загрузка видео · %1%</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="115" />
      <source>Uploading the picture…</source>
      <translation>Отправляем изображение…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="116" />
      <source>Sending your prompt…</source>
      <translation>Отправляем описание…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="117" />
      <source>Waiting in the queue…</source>
      <translation>Ждём в очереди…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="118" />
      <source>Rendering…</source>
      <translation>Рендер…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="119" />
      <source>Downloading the video…</source>
      <translation>Загружаем видео…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="120" />
      <source>Checking the video…</source>
      <translation>Проверяем видео…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="130" />
      <source>Done</source>
      <translation>Готово</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="132" />
      <source>Stopped following this job</source>
      <translation>Слежение за задачей остановлено</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="142" />
      <source>Sending</source>
      <translation>Отправка</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="143" />
      <source>Queued</source>
      <translation>В очереди</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="144" />
      <source>Rendering</source>
      <translation>Рендер</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="145" />
      <source>Downloading</source>
      <translation>Загрузка</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="146" />
      <source>Ready</source>
      <translation>Готово</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="147" />
      <source>Failed</source>
      <translation>Ошибка</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="148" />
      <source>Stopped</source>
      <translation>Остановлено</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="165" />
      <source>Offline · will keep trying</source>
      <translation>Нет связи · продолжаем попытки</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/ui/wording.py" line="160" />
      <source>Checking every %n s</source>
      <translation>
        <numerusform>Проверка каждую %n с</numerusform>
        <numerusform>Проверка каждые %n с</numerusform>
        <numerusform>Проверка каждые %n с</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="164" />
      <source>Reconnecting…</source>
      <translation>Переподключение…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="163" />
      <source>Live</source>
      <translation>Онлайн</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="170" />
      <source>Your video is ready</source>
      <translation>Ваше видео готово</translation>
    </message>
    <message>
      <location filename="../../app/ui/wording.py" line="174" />
      <source>A video failed</source>
      <translation>Видео не получилось</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/ui/main_window.py" line="282" />
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="284" />
      <source>Generate</source>
      <translation>Создать</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="286" />
      <source>New prompt</source>
      <translation>Новое описание</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="288" />
      <source>Search history</source>
      <translation>Поиск по истории</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="290" />
      <source>Settings…</source>
      <translation>Настройки…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="291" />
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="299" />
      <source>&amp;Playback</source>
      <translation>&amp;Воспроизведение</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="300" />
      <source>Play / Pause</source>
      <translation>Пуск / пауза</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="302" />
      <source>Fullscreen</source>
      <translation>Во весь экран</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="306" />
      <source>Loop</source>
      <translation>Повтор</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="307" />
      <source>Mute</source>
      <translation>Без звука</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="309" />
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="310" />
      <source>Diagnostics</source>
      <translation>Диагностика</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="311" />
      <location filename="../../app/ui/message_boxes.py" line="92" />
      <source>About Framecast</source>
      <translation>О Framecast</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="162" />
      <source>Try again</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="165" />
      <source>Open Settings</source>
      <translation>Открыть настройки</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="64" />
      <source>Cancel this video?</source>
      <translation>Отменить это видео?</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="65" />
      <source>Stop following this video?</source>
      <translation>Перестать следить за этим видео?</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="66" />
      <source>The service has no way to stop a render once it has started, so the server may still finish it (and charge for it). Framecast will stop waiting for it.</source>
      <translation>Сервис не умеет останавливать начатый рендер, поэтому сервер может всё же завершить его (и взять за это плату). Framecast перестанет его ждать.</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="71" />
      <source>Stop following</source>
      <translation>Перестать следить</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="72" />
      <source>Keep waiting</source>
      <translation>Ждать дальше</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="80" />
      <source>Delete video?</source>
      <translation>Удалить видео?</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="81" />
      <source>Delete this video and its file?</source>
      <translation>Удалить это видео и его файл?</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="83" />
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="84" />
      <source>Keep</source>
      <translation>Оставить</translation>
    </message>
    <message>
      <location filename="../../app/ui/message_boxes.py" line="96" />
      <source>A desktop studio for AI video generation: type a prompt, watch it render, play the video.</source>
      <translation>Настольная студия для создания видео с помощью ИИ: опишите сцену, следите за рендером, смотрите видео.</translation>
    </message>
  </context>
  <context>
    <name>PlayerView</name>
    <message>
      <location filename="../../app/ui/player.py" line="104" />
      <source>Video</source>
      <translation>Видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="110" />
      <source>Poster</source>
      <translation>Обложка</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="125" />
      <location filename="../../app/ui/player.py" line="388" />
      <source>Play</source>
      <translation>Воспроизвести</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="130" />
      <source>Position</source>
      <translation>Позиция</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="138" />
      <source>Loop</source>
      <translation>Повтор</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="142" />
      <location filename="../../app/ui/player.py" line="383" />
      <source>Mute</source>
      <translation>Без звука</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="147" />
      <source>Volume</source>
      <translation>Громкость</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="152" />
      <source>Fullscreen</source>
      <translation>Во весь экран</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="155" />
      <source>Save as…</source>
      <translation>Сохранить как…</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="157" />
      <source>Show in folder</source>
      <translation>Показать в папке</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="159" />
      <source>Copy link</source>
      <translation>Копировать ссылку</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="230" />
      <source>Your video is on its way</source>
      <translation>Ваше видео уже в пути</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="233" />
      <source>It will play here as soon as it is ready.
Meanwhile you can write the next prompt.</source>
      <translation>Оно появится здесь, как только будет готово.
А пока можно написать следующее описание.</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="238" />
      <source>Your video will play here</source>
      <translation>Здесь будет ваше видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="241" />
      <source>Describe a scene on the left and press Generate.
You can keep working while it renders.</source>
      <translation>Опишите сцену слева и нажмите «Создать».
Пока идёт рендер, можно продолжать работу.</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="383" />
      <source>Unmute</source>
      <translation>Включить звук</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="388" />
      <source>Pause</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="417" />
      <source>This video could not be played: %1</source>
      <translation>Не удалось воспроизвести видео: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="426" />
      <source>Save video as</source>
      <translation>Сохранить видео как</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="428" />
      <source>MP4 video (*.mp4)</source>
      <translation>Видео MP4 (*.mp4)</translation>
    </message>
    <message>
      <location filename="../../app/ui/player.py" line="444" />
      <source>Could not save the copy: %1</source>
      <translation>Не удалось сохранить копию: %1</translation>
    </message>
  </context>
  <context>
    <name>ProgressCard</name>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="45" />
      <source>Generation in progress</source>
      <translation>Идёт генерация</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="57" />
      <source>Connection</source>
      <translation>Подключение</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="61" />
      <source>Status</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="71" />
      <source>Progress</source>
      <translation>Прогресс</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="76" />
      <source>Check now</source>
      <translation>Проверить сейчас</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="77" />
      <source>Ask the server for this job's status right away</source>
      <translation>Сразу запросить у сервера состояние задачи</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="79" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="81" />
      <source>Stop following this job. The server may still finish it.</source>
      <translation>Перестать следить за задачей. Сервер может всё же её завершить.</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="84" />
      <source>Retry</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="86" />
      <source>Dismiss</source>
      <translation>Скрыть</translation>
    </message>
  </context>
  <context>
    <name>ProgressPanel</name>
    <message>
      <location filename="../../app/ui/progress_panel.py" line="194" />
      <source>Active generations</source>
      <translation>Активные генерации</translation>
    </message>
  </context>
  <context>
    <name>PromptForm</name>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="80" />
      <source>Extreme long shot</source>
      <translation>Дальний общий план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="81" />
      <source>Long shot</source>
      <translation>Общий план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="82" />
      <source>Medium shot</source>
      <translation>Средний план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="83" />
      <source>Medium close-up</source>
      <translation>Первый план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="84" />
      <source>Close-up</source>
      <translation>Крупный план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="85" />
      <source>Extreme close-up</source>
      <translation>Сверхкрупный план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="86" />
      <source>Two shot</source>
      <translation>Двойной план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="87" />
      <source>Detail shot</source>
      <translation>Деталь</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="94" />
      <location filename="../../app/ui/prompt_form.py" line="112" />
      <location filename="../../app/ui/prompt_form.py" line="590" />
      <source>Free</source>
      <translation>Бесплатно</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="105" />
      <source>Image → video</source>
      <translation>Изображение → видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="107" />
      <source>Text → video</source>
      <translation>Текст → видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="110" />
      <source>%1/s</source>
      <translation>%1/с</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="177" />
      <source>Can't read this file.</source>
      <translation>Не удаётся прочитать файл.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="179" />
      <source>Use a JPEG, PNG or WebP picture.</source>
      <translation>Используйте изображение JPEG, PNG или WebP.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="181" />
      <source>This picture is larger than 10 MB.</source>
      <translation>Изображение больше 10 МБ.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="184" />
      <location filename="../../app/ui/prompt_form.py" line="259" />
      <source>This picture could not be opened.</source>
      <translation>Не удалось открыть изображение.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="319" />
      <source>Describe your video</source>
      <translation>Опишите видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="324" />
      <source>Prompt</source>
      <translation>Описание</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="327" />
      <source>A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog…</source>
      <translation>Маяк на скале в сумерках, внизу разбиваются волны, тёплый луч скользит сквозь туман…</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="341" />
      <location filename="../../app/ui/prompt_form.py" line="454" />
      <source>Model</source>
      <translation>Модель</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="342" />
      <source>Loading models…</source>
      <translation>Загрузка моделей…</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="353" />
      <location filename="../../app/ui/prompt_form.py" line="458" />
      <source>Duration</source>
      <translation>Длительность</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="358" />
      <source>Aspect ratio and resolution</source>
      <translation>Соотношение сторон и разрешение</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="366" />
      <location filename="../../app/ui/prompt_form.py" line="463" />
      <source>Style</source>
      <translation>Стиль</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="367" />
      <location filename="../../app/ui/prompt_form.py" line="562" />
      <source>No style</source>
      <translation>Без стиля</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="371" />
      <location filename="../../app/ui/prompt_form.py" line="479" />
      <source>Shot size</source>
      <translation>План</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="372" />
      <source>Any shot</source>
      <translation>Любой план</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="378" />
      <source>Frames per second</source>
      <translation>Кадров в секунду</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="380" />
      <source>%1 fps</source>
      <translation>%1 кадр/с</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="384" />
      <location filename="../../app/ui/prompt_form.py" line="464" />
      <source>Seed</source>
      <translation>Зерно</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="388" />
      <source>The same seed and settings give the same video</source>
      <translation>Одно и то же зерно и настройки дают одно и то же видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="391" />
      <location filename="../../app/ui/prompt_form.py" line="392" />
      <source>New random seed</source>
      <translation>Новое случайное зерно</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="398" />
      <source>Source picture</source>
      <translation>Исходное изображение</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="403" />
      <location filename="../../app/ui/prompt_form.py" line="484" />
      <source>Negative prompt</source>
      <translation>Негативное описание</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="404" />
      <source>What the video should not show</source>
      <translation>Чего не должно быть в видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="410" />
      <source>Advanced</source>
      <translation>Дополнительно</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="411" />
      <source>Advanced settings</source>
      <translation>Дополнительные настройки</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="419" />
      <source>Estimated cost</source>
      <translation>Примерная стоимость</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="422" />
      <source>What to fix</source>
      <translation>Что исправить</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="426" />
      <location filename="../../app/ui/prompt_form.py" line="428" />
      <location filename="../../app/ui/prompt_form.py" line="711" />
      <source>Generate</source>
      <translation>Создать</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="432" />
      <source>Generate (Ctrl+Enter)</source>
      <translation>Создать (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="459" />
      <source>Frame</source>
      <translation>Кадр</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="480" />
      <source>Frame rate</source>
      <translation>Частота кадров</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="552" />
      <source>No models available</source>
      <translation>Нет доступных моделей</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="580" />
      <source>Durations: %1</source>
      <translation>Длительность: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="582" />
      <source>Needs a VIP account</source>
      <translation>Нужен VIP-аккаунт</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="586" />
      <source>Animates a picture</source>
      <translation>Оживляет изображение</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="586" />
      <source>Text to video</source>
      <translation>Текст в видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="588" />
      <source>%1 per second</source>
      <translation>%1 в секунду</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="593" />
      <source>★ VIP only</source>
      <translation>★ только VIP</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="758" />
      <source>%1 (not offered)</source>
      <translation>%1 (недоступно)</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="658" />
      <source>Waiting for the list of models…</source>
      <translation>Ждём список моделей…</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="660" />
      <source>Choose a model.</source>
      <translation>Выберите модель.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="663" />
      <source>Describe the video you want to start.</source>
      <translation>Опишите видео, чтобы начать.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="665" />
      <source>The prompt is too long: shorten it to %1 characters.</source>
      <translation>Описание слишком длинное: сократите его до %1 символов.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="671" />
      <source>This model does not offer that duration. Choose %1.</source>
      <translation>Эта модель не поддерживает такую длительность. Выберите %1.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="676" />
      <source>Checking the picture…</source>
      <translation>Проверяем изображение…</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="680" />
      <source>This model animates a picture: add one above.</source>
      <translation>Эта модель оживляет изображение: добавьте его выше.</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="707" />
      <source>Estimated cost: %1</source>
      <translation>Примерная стоимость: %1</translation>
    </message>
    <message>
      <location filename="../../app/ui/prompt_form.py" line="711" />
      <source>Sending…</source>
      <translation>Отправка…</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="54" />
      <location filename="../../app/ui/settings_dialog.py" line="55" />
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="69" />
      <source>Built-in local renderer (works offline, free)</source>
      <translation>Встроенный рендерер (без интернета, бесплатно)</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="71" />
      <source>SuperDuperAI cloud</source>
      <translation>Облако SuperDuperAI</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="73" />
      <source>Custom server</source>
      <translation>Свой сервер</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="81" />
      <source>Server address</source>
      <translation>Адрес сервера</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="86" />
      <location filename="../../app/ui/settings_dialog.py" line="159" />
      <source>API token</source>
      <translation>API-токен</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="92" />
      <location filename="../../app/ui/settings_dialog.py" line="94" />
      <source>Test connection</source>
      <translation>Проверить подключение</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="103" />
      <source>Download folder</source>
      <translation>Папка для видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="104" />
      <source>Framecast's own folder</source>
      <translation>Папка Framecast</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="105" />
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="106" />
      <source>Choose download folder</source>
      <translation>Выбрать папку для видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="112" />
      <location filename="../../app/ui/settings_dialog.py" line="163" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="113" />
      <source>System language</source>
      <translation>Язык системы</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="119" />
      <source>A new language applies the next time Framecast starts.</source>
      <translation>Новый язык применится при следующем запуске Framecast.</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="124" />
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="129" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="158" />
      <source>Backend</source>
      <translation>Сервер</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="162" />
      <source>Videos folder</source>
      <translation>Папка для видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="227" />
      <source>The built-in renderer needs no token.</source>
      <translation>Встроенному рендереру токен не нужен.</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="230" />
      <source>Enter the server's address, such as https://example.com.</source>
      <translation>Введите адрес сервера, например https://example.com.</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="239" />
      <source>Saved — paste a new token to replace it</source>
      <translation>Сохранён — вставьте новый токен, чтобы заменить</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="241" />
      <source>Paste your API token</source>
      <translation>Вставьте ваш API-токен</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="243" />
      <source>Kept in your system keyring, never in plain settings.</source>
      <translation>Хранится в системном хранилище ключей, а не в открытых настройках.</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="271" />
      <source>The built-in renderer starts with the app.</source>
      <translation>Встроенный рендерер запускается вместе с приложением.</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="275" />
      <source>That address is not an http(s) URL.</source>
      <translation>Этот адрес не является URL http(s).</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="258" />
      <source>The connection failed.</source>
      <translation>Подключиться не удалось.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/ui/settings_dialog.py" line="288" />
      <source>Connected: %n model(s) available.</source>
      <translation>
        <numerusform>Подключено: доступна %n модель.</numerusform>
        <numerusform>Подключено: доступно %n модели.</numerusform>
        <numerusform>Подключено: доступно %n моделей.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="290" />
      <source>Balance: %1.</source>
      <translation>Баланс: %1.</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="294" />
      <source>Choose where videos are saved</source>
      <translation>Выберите, куда сохранять видео</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="313" />
      <source>Enter the custom server's address (http:// or https://).</source>
      <translation>Введите адрес своего сервера (http:// или https://).</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="308" />
      <source>Leave the user name and password out of the address: paste your API token in the API token field instead.</source>
      <translation>Уберите имя пользователя и пароль из адреса: вставьте API-токен в поле «API-токен».</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" line="323" />
      <source>The token could not be saved: %1</source>
      <translation>Не удалось сохранить токен: %1</translation>
    </message>
  </context>
  <context>
    <name>TopBar</name>
    <message>
      <location filename="../../app/ui/top_bar.py" line="35" />
      <source>Backend status</source>
      <extracomment>The status dot's colour role (`#backendStatus[state=...]` in the stylesheet).</extracomment>
      <translation>Состояние сервера</translation>
    </message>
    <message>
      <location filename="../../app/ui/top_bar.py" line="36" />
      <location filename="../../app/ui/top_bar.py" line="38" />
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location filename="../../app/ui/top_bar.py" line="41" />
      <source>Settings (Ctrl+,)</source>
      <translation>Настройки (Ctrl+,)</translation>
    </message>
  </context>
</TS>
