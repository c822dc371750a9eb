<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>AgendaBuilder</name>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="73"/>
        <source>Nội dung (kéo để đổi thứ tự)</source>
        <translation>Items (drag to reorder)</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="77"/>
        <source>Tài liệu (kéo thả tệp PDF vào đây)</source>
        <translation>Documents (drop PDF files here)</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="90"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="91"/>
        <source>Chỉ bản giấy (tài liệu mật: không kèm tệp)</source>
        <translation>Paper only (classified: no file attached)</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="93"/>
        <source>Thêm nội dung</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="95"/>
        <source>Lưu nội dung</source>
        <translation>Save item</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="97"/>
        <source>Xoá nội dung</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="102"/>
        <source>Tên nội dung</source>
        <translation>Item title</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="103"/>
        <source>Cơ quan trình</source>
        <translation>Presenting ministry</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="104"/>
        <source>Thời lượng</source>
        <translation>Time allotted</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="113"/>
        <source>Thêm tài liệu…</source>
        <translation>Attach documents…</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="115"/>
        <source>Thay bằng phiên bản mới…</source>
        <translation>Replace with a new version…</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="138"/>
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="140"/>
        <source>chỉ bản giấy</source>
        <translation>paper only</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="173"/>
        <source>{kind}: {title} — phiên bản {n} ({file})</source>
        <translation>{kind}: {title} — version {n} ({file})</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="184"/>
        <source>phiên bản {n}</source>
        <translation>version {n}</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="188"/>
        <source>Nội dung mật: chỉ phát bản giấy tại phiên họp.</source>
        <translation>Classified item: handed out on paper at the session only.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="204"/>
        <source>Hãy lưu phiên họp và nhập tên nội dung trước.</source>
        <translation>Save the meeting and enter the item title first.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="208"/>
        <source>Đã thêm nội dung.</source>
        <translation>Item added.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="217"/>
        <source>Nội dung đã có tệp đính kèm nên không thể chuyển sang chỉ bản giấy.</source>
        <translation>This item already has files, so it cannot become paper only.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="221"/>
        <source>Đã lưu nội dung.</source>
        <translation>Item saved.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="228"/>
        <source>Đã xoá nội dung.</source>
        <translation>Item removed.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="234"/>
        <source>Đã đổi thứ tự.</source>
        <translation>Order changed.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="240"/>
        <source>Hãy chọn một nội dung không phải chỉ bản giấy.</source>
        <translation>Choose an item that is not paper only.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="249"/>
        <source>Đã đính kèm: {names}</source>
        <translation>Attached: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="259"/>
        <source>Đã thay bằng phiên bản mới; thành viên được báo và ghi chú được chuyển.</source>
        <translation>Replaced with a new version; members are told and their notes move to it.</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="263"/>
        <source>Chọn tài liệu</source>
        <translation>Choose documents</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="269"/>
        <source>Chọn phiên bản mới</source>
        <translation>Choose the new version</translation>
    </message>
    <message>
        <location filename="../../ui/office/agenda_builder.py" line="287"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not be done: {reason}</translation>
    </message>
</context>
<context>
    <name>AgendaControl</name>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="44"/>
        <source>Chuyển sang thảo luận nội dung này</source>
        <translation>Discuss this item now</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="46"/>
        <source>Thông qua danh sách không thảo luận</source>
        <translation>Adopt the consent list</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="83"/>
        <source>{position}. {title} ({count}/{total} thành viên không phản đối)</source>
        <translation>{position}. {title} ({count}/{total} members with no objection)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="90"/>
        <source>Thông qua danh sách không thảo luận ({count})</source>
        <translation>Adopt the consent list ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="93"/>
        <source>Danh sách thông qua không thảo luận: nội dung {items}.</source>
        <translation>Consent list: items {items}.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="97"/>
        <source>Không có nội dung nào trong danh sách thông qua không thảo luận.</source>
        <translation>No item is on the consent list.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="105"/>
        <source>Đã chuyển sang nội dung này.</source>
        <translation>Now discussing this item.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="112"/>
        <source>Xác nhận thông qua không thảo luận</source>
        <translation>Confirm adoption without debate</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="114"/>
        <source>Thông qua {count} nội dung theo danh sách thông qua không thảo luận? Ý kiến “Không phản đối” của từng thành viên sẽ được ghi nhận là tán thành.

{items}</source>
        <translation>Adopt {count} items on the consent list? Each member&apos;s “No objection” will be recorded as agreement.

{items}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="123"/>
        <source>Đã thông qua {count} nội dung không thảo luận.</source>
        <translation>{count} items adopted without debate.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/agenda_control.py" line="138"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not be done: {reason}</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../ui/reader/annotator.py" line="188"/>
        <source>Ghi chú dán</source>
        <translation>Sticky note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/annotator.py" line="188"/>
        <source>Hộp văn bản</source>
        <translation>Text box</translation>
    </message>
    <message>
        <location filename="../../ui/reader/annotator.py" line="189"/>
        <location filename="../../ui/reader/annotator.py" line="229"/>
        <source>Nội dung:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../ui/reader/annotator.py" line="229"/>
        <source>Sửa ghi chú</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/annotator.py" line="264"/>
        <source>Chỉ xoá được ghi chú của mình.</source>
        <translation>You can delete only your own notes.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/annotator.py" line="270"/>
        <source>Không lưu được ghi chú: {reason}</source>
        <translation>The note could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="84"/>
        <source>Không mở được dữ liệu trên máy: {error}</source>
        <translation>The data on this laptop could not be opened: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="124"/>
        <source>Đã đăng nhập: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="132"/>
        <source>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</source>
        <translation>Your session has expired. Please sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="151"/>
        <source>Đang khởi động máy chủ trình diễn và đăng nhập…</source>
        <translation>Starting the demonstration server and signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="160"/>
        <source>Không khởi động được: {error}</source>
        <translation>Could not start: {error}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="41"/>
        <source>Phân công văn bản đến</source>
        <translation>Assign an incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="45"/>
        <source>Nội dung phiên họp</source>
        <translation>An agenda item of a meeting</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="46"/>
        <source>Phiếu lấy ý kiến (chưa gửi)</source>
        <translation>A written ballot (not yet sent)</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="75"/>
        <source>Phân công</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="76"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="81"/>
        <source>Phiên họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="82"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="83"/>
        <source>Loại tài liệu</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="85"/>
        <source>Phiếu</source>
        <translation>Ballot</translation>
    </message>
    <message>
        <location filename="../../ui/office/assign_dialog.py" line="86"/>
        <source>Tệp PDF</source>
        <translation>PDF file</translation>
    </message>
</context>
<context>
    <name>BallotPage</name>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="69"/>
        <source>Dự thảo xin ý kiến</source>
        <translation>Drafts for comment</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="73"/>
        <source>Các lần trả lời của đồng chí</source>
        <translation>Your replies</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="74"/>
        <source>Lưu phiếu đã ký (PDF)…</source>
        <translation>Save the signed form (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="83"/>
        <source>Dự thảo (nhấn Enter hoặc nhấp đúp để đọc):</source>
        <translation>Drafts (press Enter or double-click to read):</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="86"/>
        <source>Các lần trả lời của đồng chí:</source>
        <translation>Your replies:</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="94"/>
        <source>Trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="98"/>
        <source>Ý kiến (bắt buộc khi chọn “Ý kiến khác”)</source>
        <translation>Comment (required for “Other opinion”)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="100"/>
        <source>Ký số và gửi</source>
        <translation>Sign and send</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="124"/>
        <source>Thông qua</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="124"/>
        <source>Không thông qua</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="127"/>
        <source>Phiếu đã kết thúc. Kết quả: {verdict} — {agree}/{total} đồng ý, {disagree} không đồng ý, {other} ý kiến khác, {missing} chưa trả lời.</source>
        <translation>This ballot is closed. Result: {verdict} — {agree}/{total} agree, {disagree} disagree, {other} other opinions, {missing} did not reply.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="139"/>
        <source>Phiếu đã kết thúc.</source>
        <translation>This ballot is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="142"/>
        <source>Hạn trả lời: {date} ({left})</source>
        <translation>Reply by: {date} ({left})</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="205"/>
        <source>đang gửi lại</source>
        <translation>sending again</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="206"/>
        <source>chờ gửi</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="206"/>
        <source>đã gửi</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="197"/>
        <source>gửi sau hạn, không được tính</source>
        <translation>sent after the deadline, not counted</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="199"/>
        <source>đang có hiệu lực</source>
        <translation>counts</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="152"/>
        <source>Đồng chí không có tên trong danh sách lấy ý kiến.</source>
        <translation>You are not among the voters of this ballot.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="222"/>
        <source>Hãy chọn Đồng ý, Không đồng ý hoặc Ý kiến khác.</source>
        <translation>Choose Agree, Disagree or Other opinion.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="224"/>
        <source>Khi chọn “Ý kiến khác”, hãy ghi rõ ý kiến.</source>
        <translation>With “Other opinion”, please write your opinion.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="232"/>
        <source>Đang ký phiếu trả lời…</source>
        <translation>Signing the reply form…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="243"/>
        <source>Thời điểm máy chủ nhận phiếu sẽ được dùng để xét hạn.</source>
        <translation>The time the server receives the reply will be used to judge the deadline.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="251"/>
        <source>Không ký được phiếu trả lời: {reason}</source>
        <translation>Could not sign the reply: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="258"/>
        <source>Lưu phiếu đã ký</source>
        <translation>Save the signed form</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="271"/>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_page.py" line="273"/>
        <source>Không lưu được: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
</context>
<context>
    <name>BallotReply</name>
    <message>
        <location filename="../../ui/decisions/ballot_reply.py" line="23"/>
        <source>Xác nhận trả lời</source>
        <translation>Confirm your reply</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_reply.py" line="24"/>
        <source>Gửi ý kiến “{choice}”? Phiếu trả lời sẽ được ký số trên máy này.</source>
        <translation>Send “{choice}”? The reply form will be digitally signed on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/ballot_reply.py" line="42"/>
        <source>Đã ký và lưu phiếu trả lời trên máy; sẽ gửi khi có kết nối.</source>
        <translation>The reply is signed and saved on this laptop; it will be sent when online.</translation>
    </message>
</context>
<context>
    <name>BodyChoice</name>
    <message>
        <location filename="../../ui/signin/body_choice.py" line="44"/>
        <source>Chọn trong danh sách, hoặc nhập mã cơ quan</source>
        <translation>Choose from the list, or type the organisation&apos;s code</translation>
    </message>
    <message>
        <location filename="../../ui/signin/body_choice.py" line="47"/>
        <source>Cơ quan của đồng chí. Nếu danh sách trống, hãy nhập mã cơ quan do bộ phận kỹ thuật cấp, ví dụ: gov (Chính phủ), hanoi (UBND thành phố Hà Nội); để trống nếu dùng cơ quan mặc định của máy chủ</source>
        <translation>Your organisation. If the list is empty, type the code your technical staff gave, e.g. gov (the Government), hanoi (Hà Nội City People&apos;s Committee); leave it empty for the server&apos;s own organisation</translation>
    </message>
</context>
<context>
    <name>BodyWords</name>
    <message>
        <location filename="../../ui/body_words.py" line="19"/>
        <source>Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam</source>
        <translation>Government of the Socialist Republic of Viet Nam</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="20"/>
        <source>Chính phủ</source>
        <translation>Government</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="21"/>
        <source>Văn phòng Chính phủ</source>
        <translation>Government Office</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="23"/>
        <source>Ủy ban nhân dân {unit}</source>
        <translation>People&apos;s Committee of {place}</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="24"/>
        <source>UBND {unit}</source>
        <translation>{place} People&apos;s Committee</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="25"/>
        <source>Văn phòng Ủy ban nhân dân {unit}</source>
        <translation>Office of the People&apos;s Committee of {place}</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="26"/>
        <source>Văn phòng UBND {unit}</source>
        <translation>{place} People&apos;s Committee Office</translation>
    </message>
    <message>
        <location filename="../../ui/body_words.py" line="28"/>
        <source>Văn phòng {name}</source>
        <translation>Office of {name}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="60"/>
        <source>So sánh phiên bản — {title}</source>
        <translation>Compare versions — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="64"/>
        <source>Bản {new} so với bản {old}: {changed} trang có thay đổi.</source>
        <translation>Version {new} against version {old}: {changed} pages changed.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="72"/>
        <source>Trang {page}: {n} thay đổi</source>
        <translation>Page {page}: {n} changes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="74"/>
        <source>Trang {page}: không đổi</source>
        <translation>Page {page}: unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="86"/>
        <source>Ghi chú trên trang này:</source>
        <translation>Notes on this page:</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="92"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="108"/>
        <source>Không đặt được: “{quote}” {text}</source>
        <translation>Could not be placed: “{quote}” {text}</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../ui/decisions/words.py" line="13"/>
        <source>Không phản đối</source>
        <translation>No objection</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="14"/>
        <source>Đăng ký phát biểu</source>
        <translation>Wish to speak</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="15"/>
        <source>Phản đối</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="18"/>
        <source>Tán thành</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="19"/>
        <source>Không tán thành</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="20"/>
        <source>Không biểu quyết</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="23"/>
        <source>Đồng ý</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="24"/>
        <source>Không đồng ý</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="25"/>
        <source>Ý kiến khác</source>
        <translation>Other opinion</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="28"/>
        <source>Dự kiến thông qua</source>
        <translation>Likely to pass</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="29"/>
        <source>Dự kiến không thông qua</source>
        <translation>Likely to fail</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/words.py" line="30"/>
        <source>Chưa rõ</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>DeliveryView</name>
    <message>
        <location filename="../../ui/office/delivery.py" line="31"/>
        <source>Người được mời</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location filename="../../ui/office/delivery.py" line="31"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/office/delivery.py" line="42"/>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../ui/office/delivery.py" line="47"/>
        <source>Chưa mở</source>
        <translation>Not opened</translation>
    </message>
    <message>
        <location filename="../../ui/office/delivery.py" line="50"/>
        <source> (bản cũ)</source>
        <translation> (older version)</translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="39"/>
        <source>Trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="43"/>
        <source>Tìm trong tài liệu…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="32"/>
        <source>Công cụ đọc</source>
        <translation>Reading tools</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="61"/>
        <source>Hình thu nhỏ các trang</source>
        <translation>Page thumbnails</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="91"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="94"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="98"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="104"/>
        <source>Vừa trang</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="109"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="117"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="119"/>
        <source>Đến trang</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="125"/>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="128"/>
        <source>Kết quả trước</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="136"/>
        <source>Kết quả sau</source>
        <translation>Next match</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="148"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="156"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="164"/>
        <source>So sánh với bản trước</source>
        <translation>Compare with the previous version</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="178"/>
        <source>Theo dõi chủ trì</source>
        <translation>Follow the chair</translation>
    </message>
    <message>
        <location filename="../../ui/reader/side_panels.py" line="69"/>
        <source>Tài liệu không có mục lục.</source>
        <translation>This document has no outline.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="62"/>
        <source>Mục lục</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="63"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/loading.py" line="66"/>
        <source>Không mở được tài liệu: tệp bị hỏng hoặc không phải PDF.</source>
        <translation>Cannot open the document: the file is damaged or not a PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/toolbar.py" line="217"/>
        <source>Không có trang “{page}”: tài liệu có {count} trang.</source>
        <translation>There is no page “{page}”: the document has {count} pages.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/search.py" line="72"/>
        <source>Không thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="125"/>
        <source>Tài liệu này chưa có bản trước để so sánh.</source>
        <translation>This document has no previous version to compare with.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/compare_view.py" line="136"/>
        <source>Không so sánh được: {reason}</source>
        <translation>Could not compare: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/header.py" line="26"/>
        <source>Nội dung {number}: {title}</source>
        <translation>Item {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/reader.py" line="229"/>
        <source>{office} không cho phép sao chép tài liệu này.</source>
        <translation>{office}: copying from this document is not allowed.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/documents/page.py" line="36"/>
        <source>Tài liệu trên máy</source>
        <translation>Documents on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/documents/page.py" line="38"/>
        <source>Lọc theo tên tài liệu hoặc phiên họp…</source>
        <translation>Filter by document or meeting…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/page.py" line="43"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents/page.py" line="43"/>
        <source>Thuộc</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/page.py" line="43"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/documents/page.py" line="43"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/documents/page.py" line="47"/>
        <source>Danh sách tài liệu</source>
        <translation>Document list</translation>
    </message>
</context>
<context>
    <name>FileWords</name>
    <message>
        <location filename="../../ui/office/file_words.py" line="17"/>
        <location filename="../../ui/office/file_words.py" line="18"/>
        <source>không phải tệp PDF</source>
        <translation>is not a PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="19"/>
        <source>được mã hoá (có mật khẩu): hãy gửi bản không đặt mật khẩu</source>
        <translation>is encrypted (password protected): use a copy without a password</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="22"/>
        <source>quá lớn (tối đa 200 MB)</source>
        <translation>is too large (200 MB at most)</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="23"/>
        <source>bị hỏng, không mở được</source>
        <translation>is damaged and cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="24"/>
        <source>quá phức tạp để kiểm tra an toàn</source>
        <translation>is too complex to check safely</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="25"/>
        <source>chưa gửi được: máy chủ đang bận kiểm tra tệp khác, hãy thử lại sau ít phút</source>
        <translation>not sent: the server is busy checking other files; try again in a few minutes</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="28"/>
        <source>có nội dung có thể tự chạy trên máy của thành viên ({found}): hãy in lại tài liệu ra PDF rồi gửi lại</source>
        <translation>contains something that could run on members&apos; computers ({found}): print the document to PDF again and send that</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="37"/>
        <source>Thư mục “{name}” không có tệp danh sách (manifest.yaml hoặc manifest.csv) cho biết phiên họp gồm những nội dung và tệp nào.</source>
        <translation>The folder “{name}” has no manifest (manifest.yaml or manifest.csv) saying which items and files the meeting has.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="42"/>
        <source>Tệp {name} không đọc được chữ: hãy lưu lại tệp với bảng mã UTF-8.</source>
        <translation>The words of {name} cannot be read: save the file again as UTF-8.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="45"/>
        <source>Tệp {name} viết sai cách ghi ở dòng {item}: hãy kiểm tra dấu hai chấm, dấu gạch đầu dòng và khoảng thụt lề.</source>
        <translation>{name} is written wrongly at line {item}: check the colons, the dashes and the indentation.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="50"/>
        <source>Tệp {name} cần có danh sách các nội dung dưới dòng “items:”.</source>
        <translation>{name} needs the list of items under the line “items:”.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="53"/>
        <source>Nội dung thứ {item} trong tệp {name}: số thứ tự và số phút phải là số nguyên.</source>
        <translation>Item {item} in {name}: its order and minutes must be whole numbers.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="57"/>
        <source>Nội dung thứ {item} trong tệp {name} chưa có tên.</source>
        <translation>Item {item} in {name} has no title.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="60"/>
        <source>Tệp {name} ghi loại phiên họp “{value}”, không có loại này: hãy ghi regular (thường kỳ), thematic (chuyên đề) hoặc extraordinary (bất thường).</source>
        <translation>{name} gives the meeting kind “{value}”, which does not exist: write regular, thematic or extraordinary.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="65"/>
        <source>Tệp {name} ghi thời gian bắt đầu “{value}”, không phải ngày giờ: hãy ghi theo mẫu 2026-12-15T08:30+07:00.</source>
        <translation>{name} gives the start “{value}”, which is not a date and time: write it as 2026-12-15T08:30+07:00.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="70"/>
        <source>Tệp {name} ghi thời gian bắt đầu “{value}” mà chưa có múi giờ: hãy thêm +07:00 (giờ Hà Nội).</source>
        <translation>{name} gives the start “{value}” without a time zone: add +07:00 (Hà Nội time).</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="75"/>
        <source>Phiên họp chưa có tên: hãy ghi tên trong tệp {name} (dòng “title:” dưới “meeting:”) hoặc nhập vào ô “Tên phiên họp” rồi nhập lại thư mục.</source>
        <translation>The meeting has no title: write it in {name} (the line “title:” under “meeting:”) or type it in “Meeting title”, then import the folder again.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="80"/>
        <source>Tệp {name} chưa liệt kê nội dung nào.</source>
        <translation>{name} lists no items.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="81"/>
        <source>Có hai nội dung cùng số thứ tự {item}: mỗi nội dung cần một số riêng.</source>
        <translation>Two items have the order {item}: each item needs its own number.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="84"/>
        <source>Nội dung thứ {item} là tài liệu mật chỉ phát bản giấy nhưng lại ghi tên tệp: hãy bỏ tên tệp hoặc bỏ dấu “chỉ bản giấy”.</source>
        <translation>Item {item} is classified, on paper only, yet names files: remove the file names or the “paper only” mark.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="89"/>
        <source>{name}: tệp nằm ngoài thư mục phiên họp; hãy chép tệp vào thư mục.</source>
        <translation>{name}: the file is outside the meeting folder; copy it into the folder.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="92"/>
        <source>{name}: không có tệp này trong thư mục; hãy kiểm tra tên tệp đã ghi.</source>
        <translation>{name}: there is no such file in the folder; check the name written.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="95"/>
        <source>{name}: tệp chưa được tải lên máy chủ; hãy nhập lại thư mục.</source>
        <translation>{name}: the file has not reached the server; import the folder again.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="101"/>
        <source>mã lệnh tự chạy khi mở tệp</source>
        <translation>code that runs by itself when the file is opened</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="102"/>
        <source>lệnh mở chương trình</source>
        <translation>an action that starts a program</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="103"/>
        <source>tệp đính kèm bên trong</source>
        <translation>an embedded file</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="104"/>
        <source>biểu mẫu gửi dữ liệu ra ngoài</source>
        <translation>a form that sends data away</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="105"/>
        <source>lệnh nhập dữ liệu từ tệp khác</source>
        <translation>an action that imports data from another file</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="106"/>
        <source>liên kết mở tệp khác</source>
        <translation>a link that opens another file</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="107"/>
        <source>nội dung đa phương tiện hoặc 3D</source>
        <translation>multimedia or 3D content</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="108"/>
        <source>liên kết không phải địa chỉ web</source>
        <translation>a link to something other than a web address</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="120"/>
        <source>{name}: tệp này không dùng được.</source>
        <translation>{name}: this file cannot be used.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="127"/>
        <source>không rõ loại</source>
        <translation>of an unknown kind</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="136"/>
        <source>Tệp {name} viết sai cách ghi: hãy kiểm tra dấu hai chấm và thụt lề.</source>
        <translation>{name} is written wrongly: check the colons and the indentation.</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="150"/>
        <source>Chưa nhập gì; cần sửa thư mục ({count} vấn đề):</source>
        <translation>Nothing was imported; the folder needs fixing ({count} problems):</translation>
    </message>
    <message>
        <location filename="../../ui/office/file_words.py" line="155"/>
        <source>chưa kết nối được máy chủ; hãy thử lại khi có mạng.</source>
        <translation>the server cannot be reached; try again when the network is back.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="19"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="20"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="21"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="22"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="23"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="24"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="25"/>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="41"/>
        <source>{weekday}, {date}, {time} (giờ Hà Nội)</source>
        <translation>{weekday}, {date}, {time} (Hà Nội time)</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="52"/>
        <source> · {time} giờ máy</source>
        <translation> · {time} on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="55"/>
        <source> · {time} ngày {date} giờ máy</source>
        <translation> · {time} on {date} on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="64"/>
        <source>{date}, {time} (giờ Hà Nội)</source>
        <translation>{date}, {time} (Hà Nội time)</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="84"/>
        <source>đã quá hạn</source>
        <translation>past the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="87"/>
        <source>còn {days} ngày {hours} giờ</source>
        <translation>{days} d {hours} h left</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="91"/>
        <source>còn {hours} giờ {minutes} phút</source>
        <translation>{hours} h {minutes} min left</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="94"/>
        <source>còn {minutes} phút</source>
        <translation>{minutes} min left</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="105"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="108"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="42"/>
        <source>Màn hình phòng họp</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="52"/>
        <source>Đang phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="55"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="108"/>
        <source>Nội dung {n}</source>
        <translation>Item {n}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="112"/>
        <source>Chưa bắt đầu nội dung nào</source>
        <translation>No item has begun</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="114"/>
        <source>Cơ quan trình: {who}</source>
        <translation>Presented by: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="118"/>
        <source>Chưa có người phát biểu</source>
        <translation>Nobody is speaking</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="128"/>
        <source>Chưa mở biểu quyết.</source>
        <translation>The vote is not open.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="139"/>
        <source>{time} (giờ Hà Nội)</source>
        <translation>{time} (Hà Nội time)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_display.py" line="148"/>
        <source>(quá thời gian)</source>
        <translation>(over time)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home/page.py" line="48"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="49"/>
        <location filename="../../ui/home/page.py" line="109"/>
        <source>Phiên họp sắp tới</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="50"/>
        <source>Phiếu lấy ý kiến chờ đồng chí trả lời</source>
        <translation>Written ballots awaiting your reply</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="51"/>
        <source>Tài liệu đã được thay thế</source>
        <translation>Documents replaced</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="52"/>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="53"/>
        <source>Phiếu đang thu ý kiến</source>
        <translation>Ballots collecting replies</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="55"/>
        <source>Đang đọc dữ liệu trên máy…</source>
        <translation>Reading what is on this laptop…</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="109"/>
        <source>Phiên họp đang chuẩn bị</source>
        <translation>Meeting in preparation</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="112"/>
        <source>Không có phiên họp nào sắp tới.</source>
        <translation>No upcoming meeting.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="117"/>
        <source>Địa điểm: {place}</source>
        <translation>Place: {place}</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="123"/>
        <source>Tài liệu: đã đọc {read}/{papers} · có trên máy {present}/{papers}</source>
        <translation>Documents: read {read}/{papers} · on this laptop {present}/{papers}</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="130"/>
        <source>Chưa có tài liệu.</source>
        <translation>No documents yet.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="134"/>
        <source>Mở phiên họp: chương trình và tài liệu</source>
        <translation>Open the meeting: agenda and documents</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="141"/>
        <source>Đã đến giờ họp</source>
        <translation>The meeting has begun</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="142"/>
        <source>Bắt đầu sau: {left}</source>
        <translation>Starts in: {left}</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="148"/>
        <source>Không có phiếu nào đang chờ trả lời.</source>
        <translation>No ballot is waiting for your reply.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="163"/>
        <source>Hạn {date} · {left}</source>
        <translation>Deadline {date} · {left}</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="174"/>
        <source>Không có tài liệu nào thay đổi kể từ lần đọc trước.</source>
        <translation>No document has changed since you last read it.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="179"/>
        <source>{context} · bản thứ {number}, đồng chí chưa đọc</source>
        <translation>{context} · version {number}, not yet read</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="192"/>
        <source>{count} thao tác đã lưu trên máy, sẽ được gửi lên máy chủ khi có mạng.</source>
        <translation>{count} actions saved on this laptop; they will be sent to the server when the network is back.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="196"/>
        <source>Mọi thao tác đã được gửi lên máy chủ.</source>
        <translation>Every action has been sent to the server.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="199"/>
        <source>{count} thao tác bị máy chủ từ chối, cần xem lại.</source>
        <translation>{count} actions were refused by the server and need a look.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="205"/>
        <source>Sẵn sàng đi công tác</source>
        <translation>Ready to travel</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="206"/>
        <source>Tài liệu trên máy và những gì chờ gửi</source>
        <translation>Documents on this laptop and what waits to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="228"/>
        <source>Chưa lấy được số phiếu đã trả lời: máy chủ chưa liên lạc được.</source>
        <translation>The replies could not be counted: the server cannot be reached.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="230"/>
        <source>Không có phiếu nào đang thu ý kiến.</source>
        <translation>No ballot is collecting replies.</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="234"/>
        <source>Đã trả lời {replied}/{voters} · hạn {left}</source>
        <translation>Replied {replied}/{voters} · deadline {left}</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="242"/>
        <source>Soạn và theo dõi phiếu lấy ý kiến</source>
        <translation>Prepare and watch written ballots</translation>
    </message>
</context>
<context>
    <name>IssueResult</name>
    <message>
        <location filename="../../ui/office/issue_result.py" line="44"/>
        <source>Chưa gửi được: nội dung chưa có kết luận hoặc kết quả biểu quyết, hoặc phiếu lấy ý kiến chưa kết thúc.</source>
        <translation>Not issued: the item has no conclusion or vote result yet, or the written ballot is not closed.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="49"/>
        <source>Không xác định được cơ quan trình: hãy chọn cơ quan nhận trong danh sách.</source>
        <translation>The presenting ministry is not known: choose the recipient from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="53"/>
        <source>Văn bản mang số, ký hiệu này đã được gửi hôm nay: hãy kiểm tra lại số văn bản.</source>
        <translation>A document with this number and notation was already issued today: check the number.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="57"/>
        <source>Máy chủ không chấp nhận chữ ký số của văn bản: hãy kiểm tra chứng thư số của máy này.</source>
        <translation>The server did not accept the document’s digital signature: check this laptop’s certificate.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="61"/>
        <source>Nội dung hoặc phiếu này không còn trên máy chủ; hãy tải lại danh sách.</source>
        <translation>This item or ballot is no longer on the server; reload the list.</translation>
    </message>
</context>
<context>
    <name>IssueResultDialog</name>
    <message>
        <location filename="../../ui/office/issue_result.py" line="99"/>
        <source>Gửi kết quả qua trục liên thông</source>
        <translation>Issue the result through the document exchange</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="120"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="120"/>
        <source>Phiếu lấy ý kiến</source>
        <translation>Written ballot</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="122"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="123"/>
        <source>Ký hiệu</source>
        <translation>Notation</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="124"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="125"/>
        <source>Chức vụ người ký</source>
        <translation>Signer’s position</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="126"/>
        <source>Họ tên người ký</source>
        <translation>Signer’s name</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="128"/>
        <source>Ký số và gửi</source>
        <translation>Sign and issue</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="131"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="135"/>
        <source>Thông báo kết luận của nội dung đã quyết định, ký số và gửi tới bộ trình.</source>
        <translation>The conclusion notice of a decided item, signed and sent to the presenting ministry.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="137"/>
        <source>Tổng hợp ý kiến của phiếu đã kết thúc, ký số và gửi tới bộ trình.</source>
        <translation>The summary of a closed written ballot, signed and sent to the presenting ministry.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="173"/>
        <source>Hãy nhập số và ký hiệu của văn bản (ví dụ 123 và {notation}).</source>
        <translation>Enter the document’s number and notation (for example 123 and {notation}).</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="183"/>
        <source>“{name}” không có trong danh sách cơ quan liên thông: hãy chọn cơ quan nhận trong danh sách.</source>
        <translation>“{name}” is not among the organs of the document exchange: choose the recipient from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="197"/>
        <source>Đang ký số và gửi…</source>
        <translation>Signing and issuing…</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="203"/>
        <source>Đã ký số và đưa vào hàng đợi gửi tới {organ}: {description}. Tình trạng gửi xem tại “Văn bản đến”, mục văn bản đi.</source>
        <translation>Signed and queued for {organ}: {description}. Its delivery state is under “Incoming documents”, documents sent.</translation>
    </message>
    <message>
        <location filename="../../ui/office/issue_result.py" line="214"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not be done: {reason}</translation>
    </message>
</context>
<context>
    <name>ItemDecisionPanel</name>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="86"/>
        <source>Ý kiến trước phiên họp</source>
        <translation>Position before the session</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="90"/>
        <source>Ý kiến (không bắt buộc)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="91"/>
        <source>Lưu ý kiến</source>
        <translation>Save position</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="53"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="135"/>
        <source>{office} ghi nhận ý kiến và biểu quyết của các thành viên; không cho ý kiến và không biểu quyết.</source>
        <translation>The secretariat ({office}) records the members&apos; positions and votes; it does not mark positions or vote.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="164"/>
        <source>Chưa cho ý kiến.</source>
        <translation>No position yet.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="179"/>
        <source>Chủ trì chưa mở biểu quyết nội dung này.</source>
        <translation>The chair has not opened the vote on this item.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="197"/>
        <source>chờ gửi</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="167"/>
        <source>đã gửi</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="95"/>
        <source>Đề nghị thảo luận nội dung này</source>
        <translation>Ask for this item to be debated</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="97"/>
        <source>Rút nội dung khỏi danh sách thông qua không thảo luận: nội dung sẽ được thảo luận và biểu quyết tại phiên họp.</source>
        <translation>Take the item off the consent list: it will be debated and voted on in the session.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="149"/>
        <source>Đồng chí đã đề nghị thảo luận nội dung này (chờ gửi): nội dung sẽ không được thông qua không thảo luận.</source>
        <translation>You asked for this item to be debated (waiting to send): it will not be adopted without debate.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="153"/>
        <source>Nội dung đã được rút khỏi danh sách thông qua không thảo luận: sẽ thảo luận và biểu quyết tại phiên họp.</source>
        <translation>The item was taken off the consent list: it will be debated and voted on in the session.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="169"/>
        <source>Ý kiến của đồng chí: {choice} ({state}).</source>
        <translation>Your position: {choice} ({state}).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="180"/>
        <source>Biểu quyết nội dung này đã kết thúc.</source>
        <translation>The vote on this item is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="182"/>
        <source>Đồng chí dự họp với tư cách khách mời hoặc dự thay nên không biểu quyết.</source>
        <translation>You attend as a guest or deputy, so you do not vote.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="185"/>
        <source>Biểu quyết đang mở.</source>
        <translation>The vote is open.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="187"/>
        <source>đã gửi, đã ký số</source>
        <translation>sent, digitally signed</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="188"/>
        <source>Đã biểu quyết: {choice} ({state}).</source>
        <translation>Voted: {choice} ({state}).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="196"/>
        <source>đang gửi lại</source>
        <translation>sending again</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="202"/>
        <source>Hãy chọn một ý kiến trước khi lưu.</source>
        <translation>Choose a position before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="207"/>
        <source>Đã lưu ý kiến trên máy; sẽ gửi khi có kết nối.</source>
        <translation>Position saved on this laptop; it will be sent when online.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="217"/>
        <source>Đã lưu đề nghị thảo luận nội dung này; sẽ gửi khi có kết nối.</source>
        <translation>Your request to debate this item is saved on this computer; it will be sent when online.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="225"/>
        <source>Xác nhận biểu quyết</source>
        <translation>Confirm your vote</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="226"/>
        <source>Đồng chí biểu quyết “{choice}”? Phiếu sẽ được ký số.</source>
        <translation>Vote “{choice}”? The vote will be digitally signed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="245"/>
        <source>Đã ký và lưu phiếu biểu quyết; đang gửi.</source>
        <translation>Vote signed and saved; sending.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="250"/>
        <source>Đã lưu, sẽ gửi khi có mạng; phiếu có thể bị từ chối nếu biểu quyết chưa mở.</source>
        <translation>Saved; it is sent when there is a network. The vote may be refused if voting is not open.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/item_panel.py" line="259"/>
        <source>Không lưu được: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Phiên họp thường kỳ</source>
        <translation>Regular meeting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Phiên họp chuyên đề</source>
        <translation>Thematic meeting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Phiên họp bất thường</source>
        <translation>Extraordinary meeting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Đang chuẩn bị</source>
        <translation>In preparation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Đã gửi tài liệu</source>
        <translation>Papers sent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Chưa thảo luận</source>
        <translation>Not yet discussed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Đang thảo luận</source>
        <translation>Under discussion</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Tờ trình</source>
        <translation>Submission</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Chưa có tệp</source>
        <translation>No file yet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Có trên máy</source>
        <translation>On this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Đang tải {percent}%</source>
        <translation>Downloading {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Chưa tải về</source>
        <translation>Not downloaded</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>{kind} v{new} thay thế v{old}</source>
        <translation>{kind} v{new} replaces v{old}</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="104"/>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>một ký tự ẩn làm đảo chiều hiển thị của chữ</source>
        <translation>a hidden character that reverses the direction of the text</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>một ký tự điều khiển không hiển thị</source>
        <translation>an invisible control character</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110"/>
        <source>một ký tự không hợp lệ</source>
        <translation>an invalid character</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>một ký tự bị hỏng</source>
        <translation>a broken character</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>một ký tự vô hình</source>
        <translation>an invisible character</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>Nội dung có {what} (ở ký tự thứ {position}), có thể làm chữ hiển thị khác với nội dung thật. Đồng chí hãy xoá ký tự đó hoặc gõ lại đoạn này.</source>
        <translation>The text has {what} (at character {position}), which could make it display differently from what it says. Please delete that character or type this passage again.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>tệp quá lớn so với một tệp ghi chú nên không được đọc.</source>
        <translation>the file is far larger than any notes file, so it was not read.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>tệp có những khai báo đặc biệt mà một tệp ghi chú không bao giờ cần; chúng có thể che giấu một cuộc tấn công, nên tệp không được đọc.</source>
        <translation>the file holds special declarations that a notes file never needs; they can hide an attack, so the file was not read.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>tệp bị hỏng hoặc không phải là tệp ghi chú.</source>
        <translation>the file is damaged or is not a notes file.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>tệp không phải là tệp ghi chú của trình đọc PDF.</source>
        <translation>the file is not a PDF reader&apos;s notes file.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>thiết bị ký số đã bị khoá vì nhập sai mã PIN quá số lần cho phép; chưa có gì được ký. Đồng chí hãy liên hệ bộ phận công nghệ thông tin của cơ quan để mở khoá.</source>
        <translation>the signing token is locked after too many wrong PINs; nothing was signed. Please call your organisation&apos;s IT department to unlock it.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154"/>
        <source>Chữ ký có dấu thời gian và dữ liệu kiểm tra chứng thư (PAdES B-LT), kiểm chứng được lâu dài.</source>
        <translation>The signature carries a timestamp and the data to check the certificate (PAdES B-LT): it can be verified for years.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>Không kết nối được máy chủ hoặc dịch vụ cấp dấu thời gian nên chữ ký chưa có dấu thời gian (PAdES B-B).</source>
        <translation>The server or the time-stamping service could not be reached, so the signature carries no timestamp (PAdES B-B).</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>tệp có ghi chú ở trang {page}, tài liệu này không có trang đó.</source>
        <translation>the file has a note on page {page}, which this document does not have.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>tệp bị hỏng: có ghi chú không ghi rõ trang hoặc vị trí.</source>
        <translation>the file is damaged: a note does not say its page or position.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>không dùng được thiết bị ký số; chưa có gì được ký. Hãy kiểm tra thiết bị đã được cắm vào máy, rồi thử lại.</source>
        <translation>the signing token could not be used; nothing was signed. Check that it is plugged in, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>đã huỷ nhập mã PIN; chưa có gì được ký.</source>
        <translation>the PIN was cancelled; nothing was signed.</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <location filename="../../ui/live/session.py" line="89"/>
        <source>Chủ trì đã mở biểu quyết: {item}. Mời đồng chí biểu quyết.</source>
        <translation>The chair has opened the vote: {item}. Please cast your vote.</translation>
    </message>
    <message>
        <location filename="../../ui/live/session.py" line="90"/>
        <source>Chủ trì đã mở biểu quyết. Mời đồng chí biểu quyết.</source>
        <translation>The chair has opened a vote. Please cast your vote.</translation>
    </message>
    <message>
        <location filename="../../ui/live/session.py" line="95"/>
        <source>Biểu quyết đang mở</source>
        <translation>Vote open</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock/screen.py" line="21"/>
        <source>Mật khẩu hoặc mã PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="23"/>
        <source>Mở khoá</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="25"/>
        <source>Đăng nhập lại…</source>
        <translation>Sign in again…</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="47"/>
        <source>Đã khoá màn hình</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="50"/>
        <source>Máy đã tự khoá vì không được dùng một lúc. Nhập mật khẩu đăng nhập hoặc mã PIN để tiếp tục; không cần kết nối mạng.</source>
        <translation>The window locked itself after a while unused. Enter your sign-in password or your PIN to go on; no network is needed.</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="57"/>
        <source>Tài liệu đang được ẩn</source>
        <translation>The papers are hidden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/notices.py" line="39"/>
        <source>Ẩn thông báo</source>
        <translation>Hide notice</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="31"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="34"/>
        <source>Tìm trong mọi tài liệu</source>
        <translation>Search all documents</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="40"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="46"/>
        <source>Sẵn sàng đi công tác</source>
        <translation>Ready to travel</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="52"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="58"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="61"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="64"/>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="80"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="85"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="89"/>
        <source>Công cụ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="81"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="86"/>
        <source>Không đồng bộ được: {error}</source>
        <translation>Could not sync: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="92"/>
        <source>Thiết bị này đã bị thu hồi: tài liệu trên máy đã được xoá.</source>
        <translation>This device was revoked: the documents on this laptop have been erased.</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="111"/>
        <source>Đã đặt mã PIN mở khoá màn hình.</source>
        <translation>The PIN to unlock the screen is set.</translation>
    </message>
    <message>
        <location filename="../../ui/window/reading.py" line="54"/>
        <source>Tài liệu này không còn trên máy.</source>
        <translation>This document is no longer on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/window/reading.py" line="58"/>
        <source>“{title}” chưa có trên máy; đang tải về.</source>
        <translation>“{title}” is not on this laptop yet; downloading.</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="59"/>
        <source>{count} tài liệu mới hoặc được thay thế</source>
        <translation>{count} new or replaced documents</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="65"/>
        <source>{count} phiếu lấy ý kiến chờ trả lời</source>
        <translation>{count} written ballots awaiting your reply</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="69"/>
        <source>Có nội dung mới: {what}.</source>
        <translation>New: {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="112"/>
        <source>Không có kết nối; đang làm việc với dữ liệu trên máy.</source>
        <translation>No connection; working with what is on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="116"/>
        <source>{count} tài liệu chưa tải được; sẽ thử lại.</source>
        <translation>{count} documents could not be downloaded; will retry.</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="130"/>
        <source>Ghi chú đã chuyển sang bản mới: {placed}.</source>
        <translation>Notes moved to the new version: {placed}.</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="134"/>
        <source>{count} ghi chú không tìm thấy chỗ trong bản mới; vẫn giữ ở bản cũ.</source>
        <translation>{count} notes could not be placed in the new version; they stay on the old one.</translation>
    </message>
    <message>
        <location filename="../../ui/window/notices.py" line="140"/>
        <source>Phiên đăng nhập đã hết hạn.</source>
        <translation>Your session has expired.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Đang đồng bộ</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Mọi thao tác đã được lưu trên máy và sẽ được gửi ở lần mở sau. Thoát?</source>
        <translation>Everything you did is saved on this laptop and will be sent next time. Quit?</translation>
    </message>
</context>
<context>
    <name>MeetingCalendar</name>
    <message>
        <location filename="../../ui/meeting/calendar_export.py" line="39"/>
        <source>Thêm vào lịch</source>
        <translation>Add to calendar</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/calendar_export.py" line="41"/>
        <source>Tệp lịch (*.ics)</source>
        <translation>Calendar file (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/calendar_export.py" line="57"/>
        <source>Phiên họp này không còn trên máy.</source>
        <translation>This meeting is no longer on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/calendar_export.py" line="60"/>
        <source>Đã lưu lịch họp: {path}. Mở tệp này để thêm vào lịch của anh/chị.</source>
        <translation>Meeting saved for the calendar: {path}. Open this file to add it to your calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/calendar_export.py" line="67"/>
        <source>không ghi được vào thư mục đã chọn ({detail})</source>
        <translation>it could not be written to the chosen folder ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/calendar_export.py" line="73"/>
        <source>Không lưu được lịch họp: {reason}</source>
        <translation>The meeting could not be saved for the calendar: {reason}</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="54"/>
        <location filename="../../ui/office/meeting_form.py" line="82"/>
        <source>Thành viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="54"/>
        <source>Mời với tư cách</source>
        <translation>Invited as</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="60"/>
        <source>Khách mời chỉ nhận các nội dung được đánh dấu dưới tên mình; không đánh dấu nội dung nào là mời dự cả phiên họp.</source>
        <translation>A guest receives only the items ticked under their name; none ticked invites them to the whole meeting.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="66"/>
        <source>Loại phiên họp</source>
        <translation>Kind of meeting</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="67"/>
        <source>Tên phiên họp</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="68"/>
        <source>Thời gian (giờ Hà Nội)</source>
        <translation>Time (Hà Nội time)</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="69"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="70"/>
        <source>Chủ trì</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="71"/>
        <source>Người được mời</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="76"/>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="81"/>
        <source>Không mời</source>
        <translation>Not invited</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="83"/>
        <source>Khách mời</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="84"/>
        <source>Người dự thay</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/office/meeting_form.py" line="124"/>
        <source>Lưu phiên họp và lập chương trình để chọn nội dung khách mời dự.</source>
        <translation>Save the meeting and build its agenda to choose the items a guest attends.</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../ui/meeting/page.py" line="124"/>
        <source>Bảng ý kiến các thành viên</source>
        <translation>Members&apos; positions</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="126"/>
        <source>Điều hành phiên họp</source>
        <translation>Run the session</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="128"/>
        <source>Thêm vào lịch</source>
        <translation>Add to calendar</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="130"/>
        <source>Lưu phiên họp thành tệp lịch (.ics) để mở trong lịch của anh/chị</source>
        <translation>Save the meeting as a calendar file (.ics) to open in your calendar</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="82"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="83"/>
        <source>Cơ quan trình</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="84"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="85"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="88"/>
        <source>Chương trình phiên họp</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="169"/>
        <source>Thời gian: {when}</source>
        <translation>When: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="171"/>
        <source>Địa điểm: {place}</source>
        <translation>Where: {place}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="185"/>
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="196"/>
        <source>Tài liệu mật: chỉ phát bản giấy tại phiên họp</source>
        <translation>Classified: paper copies only, handed out in the session</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/page.py" line="207"/>
        <source>Nhấn Enter hoặc nhấp đúp để đọc</source>
        <translation>Press Enter or double-click to read</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="36"/>
        <source>Tô sáng</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="37"/>
        <source>Gạch chân</source>
        <translation>Underline</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="38"/>
        <source>Gạch ngang</source>
        <translation>Strike out</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="39"/>
        <source>Ghi chú dán</source>
        <translation>Sticky note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="40"/>
        <source>Nét bút</source>
        <translation>Ink</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="41"/>
        <source>Hộp văn bản</source>
        <translation>Text box</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="81"/>
        <source>Lọc ghi chú…</source>
        <translation>Filter notes…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="85"/>
        <source>Tài liệu này</source>
        <translation>This document</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="86"/>
        <source>Cả phiên họp</source>
        <translation>The whole meeting</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="95"/>
        <source>Ghi chú của tài liệu</source>
        <translation>Notes of the document</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="100"/>
        <source>Riêng tư</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="102"/>
        <source>Chia sẻ với người dự họp</source>
        <translation>Shared with everyone invited</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="105"/>
        <source>Ai được xem ghi chú đang chọn</source>
        <translation>Who may see the chosen note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="112"/>
        <source>Không đặt được vào bản mới (vẫn giữ ở bản cũ):</source>
        <translation>Could not be placed in the new version (kept on the old one):</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="115"/>
        <source>Tệp ghi chú để mở bằng trình đọc PDF khác</source>
        <translation>Notes file to open in another PDF reader</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="118"/>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="118"/>
        <source>Tài liệu PDF có ghi chú</source>
        <translation>The PDF document with its notes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="119"/>
        <source>Xuất tệp ghi chú…</source>
        <translation>Export notes file…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="120"/>
        <source>Nhập tệp ghi chú…</source>
        <translation>Import notes file…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="121"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="121"/>
        <source>In tài liệu cùng ghi chú</source>
        <translation>Print the document with its notes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="144"/>
        <source>Đưa vào ý kiến khác…</source>
        <translation>Put into an other opinion…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="145"/>
        <source>Gửi ý kiến bằng văn bản…</source>
        <translation>Send as a written opinion…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="155"/>
        <source>Soạn ý kiến từ ghi chú</source>
        <translation>Opinion from notes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="158"/>
        <source>Các ghi chú đang chọn (giữ Ctrl để chọn nhiều), hoặc mọi ghi chú của đồng chí trên tài liệu này nếu chưa chọn ghi chú nào</source>
        <translation>The selected notes (hold Ctrl to select several), or all your notes on this document if none is selected</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="172"/>
        <source>Gửi {office}</source>
        <translation>Shared with the {office}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="198"/>
        <source>Tr. {page}</source>
        <translation>p. {page}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_panel.py" line="200"/>
        <source>người khác</source>
        <translation>someone else</translation>
    </message>
</context>
<context>
    <name>NotesTools</name>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="88"/>
        <source>Chọn</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="89"/>
        <source>Tô sáng</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="90"/>
        <source>Gạch chân</source>
        <translation>Underline</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="91"/>
        <source>Gạch ngang</source>
        <translation>Strike out</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="92"/>
        <source>Ghi chú dán</source>
        <translation>Sticky note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="93"/>
        <source>Bút</source>
        <translation>Pen</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="94"/>
        <source>Hộp văn bản</source>
        <translation>Text box</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="184"/>
        <source>Nét mảnh</source>
        <translation>Fine pen</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="184"/>
        <source>Nét vừa</source>
        <translation>Medium pen</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="184"/>
        <source>Nét đậm</source>
        <translation>Bold pen</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="107"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="37"/>
        <source>Vàng</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="38"/>
        <source>Xanh lá</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="39"/>
        <source>Xanh dương</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="40"/>
        <source>Hồng</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="41"/>
        <source>Đỏ</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="108"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="111"/>
        <source>Xoá ghi chú</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="113"/>
        <source>Sửa ghi chú</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="196"/>
        <source>Độ dày nét bút (Alt+Shift+1…3)</source>
        <translation>Pen width (Alt+Shift+1…3)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="204"/>
        <source>Màu đang dùng: {colour} (Alt+1…5)</source>
        <translation>Colour in use: {colour} (Alt+1…5)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/notes_tools.py" line="252"/>
        <source>Đồng chí chưa có ghi chú nào trên tài liệu này để soạn ý kiến.</source>
        <translation>You have no notes on this document to make an opinion from.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="87"/>
        <source>Tài liệu PDF có ghi chú (*.pdf)</source>
        <translation>PDF document with notes (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="89"/>
        <source>Tệp ghi chú để mở bằng trình đọc PDF khác (*.xfdf)</source>
        <translation>Notes file to open in another PDF reader (*.xfdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="92"/>
        <source>Xuất ghi chú</source>
        <translation>Export notes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="107"/>
        <source>Đã xuất: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="110"/>
        <source>Không xuất được: {reason}</source>
        <translation>Could not export: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="117"/>
        <source>Nhập ghi chú</source>
        <translation>Import notes</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="119"/>
        <source>Tệp ghi chú của trình đọc PDF khác (*.xfdf *.xml)</source>
        <translation>Notes file from another PDF reader (*.xfdf *.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="130"/>
        <source>Không nhập được: {reason}</source>
        <translation>Could not import: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="138"/>
        <source>Đã nhập {count} ghi chú.</source>
        <translation>Imported {count} notes.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="150"/>
        <source>Không chuẩn bị được bản in: {reason}</source>
        <translation>Could not prepare the printout: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="162"/>
        <source>Đã gửi {pages} trang tới máy in.</source>
        <translation>Sent {pages} pages to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/note_files.py" line="165"/>
        <source>Không in được: {reason}</source>
        <translation>Could not print: {reason}</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/notifier.py" line="37"/>
        <source>Phiếu lấy ý kiến sắp hết hạn</source>
        <translation>Written ballot nearly due</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="39"/>
        <source>{count} phiếu lấy ý kiến chờ trả lời sắp hết hạn.</source>
        <translation>{count} written ballots awaiting your reply are nearly due.</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="44"/>
        <source>“{title}”: hạn trả lời {deadline}, {left}.</source>
        <translation>“{title}”: reply by {deadline}, {left}.</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="50"/>
        <source>{count} phiếu lấy ý kiến chờ trả lời sắp hết hạn: {titles}.</source>
        <translation>{count} written ballots awaiting your reply are nearly due: {titles}.</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="64"/>
        <source>Tài liệu được thay thế</source>
        <translation>Document replaced</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="66"/>
        <source>{count} tài liệu đã có bản mới.</source>
        <translation>{count} documents have a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="68"/>
        <source>Đã có bản mới: {titles}.</source>
        <translation>New version of: {titles}.</translation>
    </message>
</context>
<context>
    <name>OfficeBallots</name>
    <message>
        <location filename="../../ui/office/ballots.py" line="94"/>
        <source>Phiếu mới</source>
        <translation>New ballot</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="111"/>
        <source>Phiếu lấy ý kiến — {office}</source>
        <translation>Written ballots — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="121"/>
        <source>Thêm dự thảo…</source>
        <translation>Add drafts…</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="123"/>
        <source>Tạo phiếu</source>
        <translation>Create ballot</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="126"/>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="127"/>
        <source>Nội dung xin ý kiến</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="128"/>
        <source>Hạn trả lời (giờ Hà Nội)</source>
        <translation>Reply deadline (Hà Nội time)</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="129"/>
        <source>Dự thảo (kéo thả tệp PDF vào đây)</source>
        <translation>Drafts (drop PDF files here)</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="140"/>
        <source>Thành viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="140"/>
        <source>Trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="140"/>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="140"/>
        <source>Ý kiến</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="147"/>
        <source>Gửi phiếu</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="148"/>
        <source>Nhắc người chưa trả lời</source>
        <translation>Remind those who have not replied</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="149"/>
        <source>Kết thúc lấy ý kiến</source>
        <translation>Close the ballot</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="155"/>
        <source>Tổng hợp ý kiến (bản ký số và bảng tính)…</source>
        <translation>Summary of replies (signed copy and spreadsheet)…</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="160"/>
        <source>Gửi kết quả qua trục liên thông…</source>
        <translation>Issue the result through the document exchange…</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="199"/>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="200"/>
        <source>Đang lấy ý kiến</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="201"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="226"/>
        <source>(sau hạn, không tính)</source>
        <translation>(late, not counted)</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="232"/>
        <source>Chưa trả lời ({count}): {names}</source>
        <translation>Not replied ({count}): {names}</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="236"/>
        <source>Mọi thành viên đã trả lời.</source>
        <translation>Every member has replied.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="245"/>
        <source>Đã gửi phiếu tới các thành viên.</source>
        <translation>The ballot was sent to the members.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="246"/>
        <source>Đã nhắc những người chưa trả lời.</source>
        <translation>Those who have not replied were reminded.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="247"/>
        <source>Đã kết thúc lấy ý kiến; kết quả đã công bố.</source>
        <translation>The ballot is closed; the result is published.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="262"/>
        <source>Chọn dự thảo</source>
        <translation>Choose drafts</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="271"/>
        <source>Hãy nhập tiêu đề và nội dung xin ý kiến.</source>
        <translation>Enter a title and a question.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="274"/>
        <source>Hạn trả lời phải ở sau thời điểm hiện tại.</source>
        <translation>The deadline must be in the future.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="290"/>
        <source>Đã tạo phiếu “{title}”; kiểm tra rồi bấm “Gửi phiếu”.</source>
        <translation>Created “{title}”; check it, then press “Send”.</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="302"/>
        <source>Lưu tổng hợp ý kiến</source>
        <translation>Save the summary</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="323"/>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/office/ballots.py" line="342"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not do that: {reason}</translation>
    </message>
</context>
<context>
    <name>OfficeInbox</name>
    <message>
        <location filename="../../ui/office/inbox.py" line="48"/>
        <source>Nội dung này chỉ phát bản giấy (tài liệu mật): không đưa tệp lên máy.</source>
        <translation>This item is handed out on paper only (classified): no file goes to the laptops.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="51"/>
        <source>Phiếu lấy ý kiến này đã gửi: không thêm dự thảo được nữa.</source>
        <translation>This written ballot has been sent: no more drafts can be added.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="54"/>
        <source>Văn bản đến không có tệp PDF này để đưa vào.</source>
        <translation>The incoming document has no such PDF to assign.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="55"/>
        <source>Văn bản, nội dung hoặc phiếu đã chọn không còn trên máy chủ; hãy tải lại danh sách.</source>
        <translation>The chosen document, item or ballot is no longer on the server; reload the list.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="86"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="87"/>
        <source>Cơ quan gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="88"/>
        <source>Số, ký hiệu</source>
        <translation>Number and notation</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="89"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="90"/>
        <source>Hạn xử lý</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="91"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="94"/>
        <source>Danh sách văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="99"/>
        <source>Phân công…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="101"/>
        <source>Đưa văn bản vào một nội dung phiên họp hoặc làm dự thảo của phiếu lấy ý kiến</source>
        <translation>Put the document on an agenda item, or make it a draft of a written ballot</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="104"/>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="121"/>
        <source>Văn bản đi qua trục liên thông</source>
        <translation>Documents sent through the document exchange</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="126"/>
        <source>Văn bản đến — {office}</source>
        <translation>Incoming documents — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="143"/>
        <source>Đã phân công ({count})</source>
        <translation>Assigned ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="145"/>
        <source>Chưa phân công</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="162"/>
        <source>Chưa có văn bản đến.</source>
        <translation>No incoming documents yet.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="192"/>
        <source>Chưa có phiên họp nào chưa kết thúc có nội dung, cũng chưa có phiếu lấy ý kiến chưa gửi: hãy chuẩn bị phiên họp hoặc phiếu trước.</source>
        <translation>There is no meeting still to come with agenda items, and no written ballot not yet sent: prepare a meeting or a ballot first.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="206"/>
        <source>Đã phân công văn bản; các thành viên sẽ nhận khi đồng bộ.</source>
        <translation>Document assigned; members receive it at their next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/office/inbox.py" line="214"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not be done: {reason}</translation>
    </message>
</context>
<context>
    <name>OfficeMeetings</name>
    <message>
        <location filename="../../ui/office/meetings.py" line="66"/>
        <source>Phiên họp mới</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="68"/>
        <source>Nhập từ thư mục…</source>
        <translation>Import from a folder…</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="102"/>
        <source>Cập nhật tình hình nhận và đọc</source>
        <translation>Refresh who received and opened</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="106"/>
        <source>Thông tin và người dự</source>
        <translation>Details and invitations</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="107"/>
        <source>Chương trình và tài liệu</source>
        <translation>Agenda and documents</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="108"/>
        <source>Theo dõi nhận và đọc</source>
        <translation>Received and opened</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="109"/>
        <source>Lưu phiên họp</source>
        <translation>Save meeting</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="113"/>
        <source>Gửi kết quả qua trục liên thông…</source>
        <translation>Issue the result through the document exchange…</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="165"/>
        <source>Phiên họp mới: nhập thông tin rồi bấm “Lưu phiên họp”.</source>
        <translation>New meeting: fill in the details, then press “Save meeting”.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="173"/>
        <source>Gửi tài liệu tới người được mời</source>
        <translation>Send the papers to those invited</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="219"/>
        <source>Đã gửi tài liệu: người được mời sẽ nhận khi đồng bộ.</source>
        <translation>Papers sent: those invited receive them when they sync.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="259"/>
        <source>Đã nhập “{title}” thành phiên họp đang chuẩn bị; kiểm tra rồi gửi tài liệu.</source>
        <translation>“{title}” imported as a meeting in preparation; check it, then send the papers.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="174"/>
        <source>Bắt đầu phiên họp</source>
        <translation>Start the session</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="89"/>
        <source>Chuẩn bị phiên họp — {office}</source>
        <translation>Meeting preparation — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="175"/>
        <source>Kết thúc phiên họp</source>
        <translation>Close the session</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="197"/>
        <source>Hãy nhập tên phiên họp.</source>
        <translation>Enter the meeting title.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="203"/>
        <source>Đã lưu phiên họp.</source>
        <translation>Meeting saved.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="220"/>
        <source>Phiên họp đã bắt đầu.</source>
        <translation>The session has started.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="221"/>
        <source>Phiên họp đã kết thúc.</source>
        <translation>The session is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="264"/>
        <source>Đang kiểm tra và tải lên các tệp trong thư mục…</source>
        <translation>Checking and uploading the folder’s files…</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="270"/>
        <source>Chọn thư mục phiên họp</source>
        <translation>Choose the meeting’s folder</translation>
    </message>
    <message>
        <location filename="../../ui/office/meetings.py" line="287"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not be done: {reason}</translation>
    </message>
</context>
<context>
    <name>OfficeOutbox</name>
    <message>
        <location filename="../../ui/office/outbox.py" line="20"/>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="21"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="22"/>
        <source>Không gửi được</source>
        <translation>Could not be sent</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="28"/>
        <source>Đã đến</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="29"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="30"/>
        <source>Đã tiếp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="31"/>
        <source>Phân công</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="32"/>
        <source>Đang xử lý</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="33"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="62"/>
        <location filename="../../ui/reader/opinion_dialog.py" line="93"/>
        <source>Ý kiến khác</source>
        <translation>Other opinion</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="62"/>
        <source>Ý kiến bằng văn bản</source>
        <translation>Written opinion</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="65"/>
        <source>Trả lời phiếu lấy ý kiến: {title}</source>
        <translation>Reply to the written ballot: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="67"/>
        <source>Ý kiến về nội dung: {title}</source>
        <translation>Opinion on the item: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="74"/>
        <source>Nội dung ý kiến</source>
        <translation>Text of the opinion</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="75"/>
        <source>Đang soạn ý kiến từ ghi chú…</source>
        <translation>Composing the opinion from your notes…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="78"/>
        <source>Mỗi ghi chú một dòng, theo thứ tự trang; đồng chí sửa được trước khi gửi.</source>
        <translation>One line per note, in page order; you can edit it before sending.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="81"/>
        <source>Ký số và gửi</source>
        <translation>Sign and send</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="81"/>
        <source>Lưu và gửi</source>
        <translation>Save and send</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="87"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="93"/>
        <source>Trả lời: {choice}</source>
        <translation>Reply: {choice}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="96"/>
        <source>Ý kiến trước phiên họp:</source>
        <translation>Position before the session:</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="116"/>
        <source>tệp tài liệu chưa có đủ trên máy này; hãy đồng bộ rồi thử lại.</source>
        <translation>the document&apos;s file is not fully on this laptop; sync, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="120"/>
        <source>Không soạn được ý kiến: {reason}</source>
        <translation>The opinion could not be composed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="125"/>
        <source>Hãy ghi nội dung ý kiến.</source>
        <translation>Write the text of the opinion.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="127"/>
        <source>Hãy chọn Không phản đối, Đăng ký phát biểu hoặc Phản đối.</source>
        <translation>Choose No objection, Wish to speak or Object.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="147"/>
        <source>Đã lưu ý kiến; sẽ gửi khi có kết nối.</source>
        <translation>Opinion saved; it will be sent when online.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="151"/>
        <source>Đang ký phiếu trả lời…</source>
        <translation>Signing the reply form…</translation>
    </message>
    <message>
        <location filename="../../ui/reader/opinion_dialog.py" line="167"/>
        <source>Chưa gửi được ý kiến: {reason}</source>
        <translation>The opinion was not given: {reason}</translation>
    </message>
</context>
<context>
    <name>OrganChoice</name>
    <message>
        <location filename="../../ui/office/organ_choice.py" line="31"/>
        <source>Chọn trong danh sách hoặc nhập tên cơ quan</source>
        <translation>Choose from the list or type the organ’s name</translation>
    </message>
</context>
<context>
    <name>OutboxList</name>
    <message>
        <location filename="../../ui/office/outbox.py" line="48"/>
        <source>Văn bản gửi đi</source>
        <translation>Document sent</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="49"/>
        <source>Gửi đến</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="50"/>
        <source>Tình trạng gửi</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="51"/>
        <source>Lúc</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="54"/>
        <source>Danh sách văn bản gửi đi qua trục liên thông</source>
        <translation>List of documents sent through the document exchange</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="67"/>
        <source>Trạng thái {code} — {state}</source>
        <translation>Status {code} — {state}</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="71"/>
        <source>Trạng thái {code} — {state}: {text}</source>
        <translation>Status {code} — {state}: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="76"/>
        <source>{state} (đã thử {count} lần)</source>
        <translation>{state} (tried {count} times)</translation>
    </message>
    <message>
        <location filename="../../ui/office/outbox.py" line="87"/>
        <source>Lỗi gần nhất: {error}</source>
        <translation>Last error: {error}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="40"/>
        <source>Ký số bằng thiết bị ký số</source>
        <translation>Sign with the signing token</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="43"/>
        <source>Nhập mã PIN của thiết bị ký số</source>
        <translation>Enter the PIN of your signing token</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="45"/>
        <source>Cắm thiết bị ký số (USB token) vào máy, nhập mã PIN rồi bấm “Ký”.</source>
        <translation>Plug the signing token (USB token) into the laptop, enter its PIN and press “Sign”.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="48"/>
        <source>Thiết bị: {label}</source>
        <translation>Token: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="58"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="59"/>
        <source>Mã PIN của thiết bị ký số</source>
        <translation>PIN of the signing token</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="64"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="66"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="86"/>
        <source>Sai mã PIN. Đây là lần thử cuối cùng: nếu nhập sai, thiết bị sẽ bị khoá.</source>
        <translation>Wrong PIN. This is the last try: if the PIN is wrong, the token will be locked.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="88"/>
        <source>Chỉ còn một lần thử: nếu nhập sai, thiết bị sẽ bị khoá.</source>
        <translation>Only one try is left: if the PIN is wrong, the token will be locked.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="90"/>
        <source>Sai mã PIN. Còn ít lần thử.</source>
        <translation>Wrong PIN. Few tries are left.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="92"/>
        <source>Sai mã PIN. Hãy nhập lại.</source>
        <translation>Wrong PIN. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pin_dialog.py" line="94"/>
        <source>Còn ít lần thử trước khi thiết bị bị khoá.</source>
        <translation>Few tries are left before the token is locked.</translation>
    </message>
</context>
<context>
    <name>PositionBoard</name>
    <message>
        <location filename="../../ui/decisions/board.py" line="43"/>
        <source>Bảng ý kiến các thành viên</source>
        <translation>Members&apos; positions</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="47"/>
        <source>Cập nhật</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="51"/>
        <source>Ý kiến theo nội dung và thành viên</source>
        <translation>Positions by item and member</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="65"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="70"/>
        <source>Cần kết nối máy chủ để xem bảng ý kiến.</source>
        <translation>The board needs a connection to the server.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="72"/>
        <source>Không tải được bảng ý kiến: {reason}</source>
        <translation>Could not load the board: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="82"/>
        <source>Đề xuất thông qua không thảo luận (một lần biểu quyết): {items}</source>
        <translation>Proposed for adoption without debate (one vote): {items}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="86"/>
        <source>Chưa có nội dung nào đủ điều kiện thông qua không thảo luận.</source>
        <translation>No item qualifies for adoption without debate yet.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="89"/>
        <source>(Cần quá nửa tổng số {total} thành viên không phản đối, không ai phản đối hay đăng ký phát biểu.)</source>
        <translation>(Needs more than half of all {total} members with no objection, and nobody objecting or asking to speak.)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="93"/>
        <source>{position}. {title} (đồng chí {name} đề nghị thảo luận)</source>
        <translation>{position}. {title} ({name} asked for a debate)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="100"/>
        <source>Rút khỏi danh sách: {items}</source>
        <translation>Taken off the list: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="105"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="105"/>
        <source>Dự kiến</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="105"/>
        <source>Phát biểu</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/board.py" line="132"/>
        <source>{n} thành viên, {m} nội dung.</source>
        <translation>{n} members, {m} items.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../ui/record/page.py" line="58"/>
        <source>Mọi hoạt động</source>
        <translation>All activity</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="59"/>
        <source>Phiên họp</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="60"/>
        <source>Nội dung phiên họp</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="61"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="62"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="63"/>
        <source>Phiếu lấy ý kiến</source>
        <translation>Written ballots</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="64"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="65"/>
        <source>Thiết bị</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="66"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="67"/>
        <source>Chứng thư số</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="79"/>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="81"/>
        <source>Xem thêm</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="83"/>
        <source>Xuất bảng tính…</source>
        <translation>Export spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="87"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="87"/>
        <source>Hoạt động</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="93"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="93"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="99"/>
        <source>Nhật ký hoạt động</source>
        <translation>Activity record</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="131"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="144"/>
        <source>{count} hoạt động</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="149"/>
        <source>Cần kết nối máy chủ để xem nhật ký.</source>
        <translation>The record needs a connection to the server.</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="151"/>
        <source>Không tải được nhật ký: {reason}</source>
        <translation>Could not load the record: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="158"/>
        <source>Xuất nhật ký</source>
        <translation>Export the record</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="158"/>
        <source>Bảng tính (*.csv)</source>
        <translation>Spreadsheet (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/record/page.py" line="167"/>
        <source>Đã xuất: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>RecordSentences</name>
    <message>
        <location filename="../../ui/record/sentences.py" line="20"/>
        <source>{actor} đã đăng nhập trên máy “{object}”</source>
        <translation>{actor} signed in on the laptop “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="21"/>
        <source>{actor} đã đăng xuất khỏi máy “{object}”</source>
        <translation>{actor} signed out of the laptop “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="22"/>
        <source>Đã cấp chứng thư số cho {actor}</source>
        <translation>A digital certificate was issued to {actor}</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="23"/>
        <source>{actor} đã đăng ký chứng thư số của thiết bị ký số</source>
        <translation>{actor} registered the certificate of their signing token</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="26"/>
        <source>{actor} đã tạo tài khoản cho {object}</source>
        <translation>{actor} created an account for {object}</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="27"/>
        <source>{actor} đã sửa thông tin tài khoản của {object}</source>
        <translation>{actor} changed the account of {object}</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="30"/>
        <source>{actor} đã đặt lại mật khẩu cho {object}</source>
        <translation>{actor} reset the password of {object}</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="33"/>
        <source>{actor} đã thu hồi quyền truy cập của máy “{object}”</source>
        <translation>{actor} revoked the access of the laptop “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="36"/>
        <source>{actor} đã tạo phiên họp “{object}”</source>
        <translation>{actor} created the meeting “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="37"/>
        <source>{actor} đã sửa thông tin phiên họp “{object}”</source>
        <translation>{actor} changed the meeting “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="40"/>
        <source>{actor} đã mời dự phiên họp “{object}”</source>
        <translation>{actor} sent the invitations to the meeting “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="43"/>
        <source>{actor} đã nhập chương trình phiên họp “{object}” từ thư mục</source>
        <translation>{actor} imported the agenda of the meeting “{object}” from a folder</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="46"/>
        <source>{actor} đã gửi tài liệu phiên họp “{object}” tới người được mời</source>
        <translation>{actor} sent the papers of the meeting “{object}” to those invited</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="49"/>
        <source>{actor} đã bắt đầu phiên họp “{object}”</source>
        <translation>{actor} opened the session “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="52"/>
        <source>{actor} đã kết thúc phiên họp “{object}”</source>
        <translation>{actor} closed the session “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="55"/>
        <source>{actor} đã ghi điểm danh phiên họp “{object}”: có mặt {present} thành viên</source>
        <translation>{actor} recorded attendance at “{object}”: {present} members present</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="59"/>
        <source>{actor} đã mở điểm danh phiên họp “{object}”</source>
        <translation>{actor} opened the roll-call of “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="62"/>
        <source>{actor} đã kết thúc điểm danh phiên họp “{object}”</source>
        <translation>{actor} closed the roll-call of “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="65"/>
        <source>{actor} đã điểm danh có mặt</source>
        <translation>{actor} checked in as present</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="66"/>
        <source>{actor} đã thêm nội dung “{object}” vào chương trình họp</source>
        <translation>{actor} added the item “{object}” to the agenda</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="69"/>
        <source>{actor} đã sửa nội dung “{object}”</source>
        <translation>{actor} changed the item “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="70"/>
        <source>{actor} đã xoá một nội dung khỏi chương trình họp</source>
        <translation>{actor} removed an item from the agenda</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="73"/>
        <source>{actor} đã sắp xếp lại chương trình phiên họp “{object}”</source>
        <translation>{actor} reordered the agenda of “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="76"/>
        <source>{actor} đã đưa nội dung “{object}” ra thảo luận</source>
        <translation>{actor} opened the debate on “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="79"/>
        <source>{actor} đã ghi kết luận nội dung “{object}”</source>
        <translation>{actor} recorded the conclusion on “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="82"/>
        <source>{actor} đã thêm tài liệu “{object}”</source>
        <translation>{actor} added the document “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="83"/>
        <source>{actor} đã thay tài liệu “{object}” bằng bản mới</source>
        <translation>{actor} replaced the document “{object}” with a new version</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="86"/>
        <source>{actor} đã sửa thông tin tài liệu “{object}”</source>
        <translation>{actor} changed the document “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="89"/>
        <source>{actor} đã đọc một tài liệu</source>
        <translation>{actor} read a document</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="90"/>
        <source>{actor} đã tải lên một tệp tài liệu</source>
        <translation>{actor} uploaded a document file</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="91"/>
        <source>{actor} đã lưu một ghi chú trên tài liệu</source>
        <translation>{actor} saved a note on a document</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="94"/>
        <source>{actor} đã xoá một ghi chú</source>
        <translation>{actor} deleted a note</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="95"/>
        <source>{actor} đã soạn “{object}”</source>
        <translation>{actor} drew up “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="96"/>
        <source>{actor} đã sửa “{object}”</source>
        <translation>{actor} changed “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="97"/>
        <source>{actor} đã gửi “{object}” tới các thành viên</source>
        <translation>{actor} sent “{object}” to the members</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="100"/>
        <source>{actor} đã nhắc các thành viên trả lời “{object}”</source>
        <translation>{actor} reminded the members to answer “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="103"/>
        <source>{actor} đã kết thúc lấy ý kiến “{object}”</source>
        <translation>{actor} closed “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="106"/>
        <source>{actor} đã trả lời phiếu lấy ý kiến</source>
        <translation>{actor} answered a written ballot</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="107"/>
        <source>Máy chủ đã đóng dấu thời gian lưu trữ cho phiếu trả lời “{object}” của {actor}</source>
        <translation>The server added an archive timestamp to {actor}’s reply to “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="111"/>
        <source>{actor} đã cho ý kiến trước về một nội dung phiên họp</source>
        <translation>{actor} marked a position on an agenda item</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="114"/>
        <source>{actor} đã mở biểu quyết nội dung “{object}”</source>
        <translation>{actor} opened the vote on “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="117"/>
        <source>{actor} đã kết thúc biểu quyết nội dung “{object}”: {agree} thành viên tán thành</source>
        <translation>{actor} closed the vote on “{object}”: {agree} members agreed</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="121"/>
        <source>{actor} đã biểu quyết</source>
        <translation>{actor} voted</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="122"/>
        <source>{actor} đã đăng ký phát biểu</source>
        <translation>{actor} asked to speak</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="123"/>
        <source>{actor} đã rút đăng ký phát biểu</source>
        <translation>{actor} withdrew a request to speak</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="124"/>
        <source>{actor} đã mời {object} phát biểu</source>
        <translation>{actor} gave the floor to {object}</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="125"/>
        <source>{actor} đã kết thúc lượt phát biểu của {object}</source>
        <translation>{actor} ended the turn of {object}</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="128"/>
        <source>{actor} đã đề nghị đưa nội dung “{object}” ra thảo luận</source>
        <translation>{actor} asked for “{object}” to be debated</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="131"/>
        <source>{actor} đã thông qua các nội dung không thảo luận của phiên họp “{object}”</source>
        <translation>{actor} adopted the consent list of “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="135"/>
        <source>{actor} đã chuyển đến văn bản “{object}” qua trục liên thông văn bản</source>
        <translation>{actor} delivered the incoming document “{object}” through the document exchange</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="138"/>
        <source>{actor} đã chuyển đến một gói tin bị từ chối tiếp nhận</source>
        <translation>{actor} delivered a package that was refused</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="141"/>
        <source>{actor} đã phân công văn bản đến “{object}”</source>
        <translation>{actor} assigned the incoming document “{object}”</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="144"/>
        <source>{actor} đã gửi kết quả “{object}” đến cơ quan trình qua trục liên thông văn bản</source>
        <translation>{actor} sent the result of “{object}” to the presenting ministry through the document exchange</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="150"/>
        <source>{actor} đã thực hiện một thao tác</source>
        <translation>{actor} did something the record cannot yet name</translation>
    </message>
    <message>
        <location filename="../../ui/record/sentences.py" line="160"/>
        <source>Hệ thống</source>
        <translation>The system</translation>
    </message>
</context>
<context>
    <name>RollCallBar</name>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="31"/>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="32"/>
        <source>Điểm danh: báo có mặt tại phiên họp</source>
        <translation>Roll-call: say you are present at the session</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="53"/>
        <source>Có mặt {present}/{total} thành viên; cần {needed} (túc số): {state}.</source>
        <translation>{present}/{total} members present; {needed} needed (quorum): {state}.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="57"/>
        <source>đủ</source>
        <translation>reached</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="57"/>
        <source>chưa đủ</source>
        <translation>not reached</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="65"/>
        <source>Đã điểm danh (chờ gửi)</source>
        <translation>Checked in (waiting to send)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="65"/>
        <source>Đã điểm danh</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="68"/>
        <source>Đang điểm danh</source>
        <translation>Roll-call open</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="80"/>
        <source>Đã điểm danh trên máy; sẽ gửi khi có kết nối.</source>
        <translation>Checked in on this laptop; it is sent when online.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/roll_call.py" line="86"/>
        <source>Không điểm danh được: {reason}</source>
        <translation>Could not check in: {reason}</translation>
    </message>
</context>
<context>
    <name>RollCallGrid</name>
    <message>
        <location filename="../../ui/decisions/roll_call.py" line="112"/>
        <source>đủ túc số</source>
        <translation>quorum reached</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/roll_call.py" line="112"/>
        <source>chưa đủ túc số</source>
        <translation>no quorum yet</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/roll_call.py" line="114"/>
        <source>Có mặt {present}/{total} thành viên · cần {needed} · {state}</source>
        <translation>Present {present}/{total} members · {needed} needed · {state}</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/search/page.py" line="78"/>
        <source>Tìm kiếm trong tài liệu trên máy</source>
        <translation>Search the documents on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="84"/>
        <source>Từ cần tìm</source>
        <translation>Search words</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="86"/>
        <source>Lọc theo phiên họp</source>
        <translation>Filter by meeting</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="87"/>
        <source>Mọi phiên họp</source>
        <translation>All meetings</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="95"/>
        <source>Lọc theo loại tài liệu</source>
        <translation>Filter by document kind</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="96"/>
        <source>Mọi loại tài liệu</source>
        <translation>All document kinds</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="102"/>
        <source>Kết quả tìm kiếm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="110"/>
        <source>Xem thêm</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="125"/>
        <source>Phiên họp:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="128"/>
        <source>Loại tài liệu:</source>
        <translation>Document kind:</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="189"/>
        <source>Đang hiển thị {shown} trên {total} kết quả</source>
        <translation>Showing {shown} of {total} results</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="232"/>
        <source>Phiếu lấy ý kiến: {title}</source>
        <translation>Written ballot: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="237"/>
        <source>Nội dung {number}: {title}</source>
        <translation>Item {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="241"/>
        <source>trang {page}</source>
        <translation>page {page}</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="194"/>
        <source>{count} kết quả</source>
        <translation>{count} results</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="81"/>
        <source>Gõ từ cần tìm, có dấu hoặc không dấu; “trong ngoặc kép” để tìm đúng cụm từ…</source>
        <translation>Type words to find, with or without diacritics; “in quotes” for the exact phrase…</translation>
    </message>
    <message>
        <location filename="../../ui/search/page.py" line="197"/>
        <source>Không tìm thấy “{text}” trong tài liệu trên máy.</source>
        <translation>“{text}” was not found in the documents on this laptop.</translation>
    </message>
</context>
<context>
    <name>SessionTools</name>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="49"/>
        <source>Điểm danh</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="53"/>
        <location filename="../../ui/decisions/session_tools.py" line="113"/>
        <source>Mở điểm danh</source>
        <translation>Open the roll-call</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="55"/>
        <source>Các thành viên bấm “Có mặt” trên máy của mình khi điểm danh đang mở</source>
        <translation>Members press “Present” on their own laptops while the roll-call is open</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="58"/>
        <source>Ghi nhận có mặt</source>
        <translation>Record who is present</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="67"/>
        <source>Kết luận của nội dung đang chọn</source>
        <translation>Conclusion of the chosen item</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="69"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="71"/>
        <source>Ghi kết luận</source>
        <translation>Record the conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="73"/>
        <source>Xuất biên bản phiên họp (bản ký số và bảng số liệu)…</source>
        <translation>Export the minutes (signed copy and data tables)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="113"/>
        <source>Đóng điểm danh</source>
        <translation>Close the roll-call</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="148"/>
        <source>Đã mở điểm danh: các thành viên bấm “Có mặt” trên máy của mình.</source>
        <translation>Roll-call opened: members press “Present” on their own laptops.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="150"/>
        <source>Đã đóng điểm danh.</source>
        <translation>Roll-call closed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="155"/>
        <source>đủ</source>
        <translation>quorum reached</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="155"/>
        <source>chưa đủ</source>
        <translation>no quorum</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="157"/>
        <source>Đã ghi nhận {present}/{total} thành viên có mặt; số lượng: {state}.</source>
        <translation>Recorded {present}/{total} members present: {state}.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="166"/>
        <source>Chọn một nội dung và ghi kết luận trước.</source>
        <translation>Choose an item and write its conclusion first.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="175"/>
        <source>Đã ghi kết luận; các thành viên sẽ thấy ở lần đồng bộ tới.</source>
        <translation>Conclusion recorded; members see it at their next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="179"/>
        <source>Lưu biên bản</source>
        <translation>Save the minutes</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="200"/>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/session_tools.py" line="203"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not do that: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="43"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="50"/>
        <source>Theo hệ thống</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="51"/>
        <source>Sáng</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="52"/>
        <source>Tối</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="62"/>
        <source>Phát âm báo khi chủ trì mở biểu quyết</source>
        <translation>Play a sound when the chair opens a vote</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="65"/>
        <source>Báo khi phiếu sắp hết hạn, tài liệu được thay thế, biểu quyết được mở</source>
        <translation>Tell me when a ballot is nearly due, a document is replaced, a vote opens</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="72"/>
        <source>6 chữ số</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="73"/>
        <source>Đặt mã PIN</source>
        <translation>Set PIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="81"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="82"/>
        <source>Giao diện</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="83"/>
        <source>Cỡ chữ</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="84"/>
        <source>Âm báo</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="85"/>
        <source>Thông báo</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="86"/>
        <source>Mã PIN mở khoá màn hình</source>
        <translation>PIN to unlock the screen</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="90"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="111"/>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại e-Cabinet.</source>
        <translation>The new language applies when e-Cabinet is opened again.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="127"/>
        <source>Mã PIN gồm đúng 6 chữ số.</source>
        <translation>A PIN is exactly 6 digits.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../ui/sidebar.py" line="56"/>
        <source>Danh mục</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="73"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="78"/>
        <source>Phiên họp sắp tới</source>
        <translation>Upcoming meetings</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="82"/>
        <source>Không có phiên họp sắp tới</source>
        <translation>No upcoming meetings</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="83"/>
        <source>Phiên họp đã qua</source>
        <translation>Past meetings</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="86"/>
        <source>Phiếu lấy ý kiến</source>
        <translation>Written ballots</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="90"/>
        <source>Không có phiếu lấy ý kiến</source>
        <translation>No written ballots</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="91"/>
        <source>Công cụ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="92"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="96"/>
        <source>Tài liệu: {count} chưa đọc</source>
        <translation>Documents: {count} unread</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="164"/>
        <source>Chờ trả lời</source>
        <translation>Awaiting your reply</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="167"/>
        <source>Đã trả lời</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="169"/>
        <source>Đang lấy ý kiến</source>
        <translation>Collecting replies</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="170"/>
        <source>hạn {date}</source>
        <translation>due {date}</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="97"/>
        <source>Tìm kiếm</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="98"/>
        <source>Sẵn sàng đi công tác</source>
        <translation>Ready to travel</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="100"/>
        <source>Chuẩn bị phiên họp</source>
        <translation>Prepare meetings</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="101"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="103"/>
        <source>Soạn và theo dõi phiếu lấy ý kiến</source>
        <translation>Prepare and watch written ballots</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="105"/>
        <source>Nhật ký hoạt động</source>
        <translation>Activity record</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="147"/>
        <source>{count} tài liệu chưa đọc</source>
        <translation>{count} unread documents</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="159"/>
        <source>hạn {left}</source>
        <translation>{left}</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="161"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/signin/words.py" line="19"/>
        <source>Máy chủ {where} trả lời bằng http chứ không phải https. Nếu đây là máy chủ thử nghiệm, hãy ghi địa chỉ http://{where}; nếu không, hãy báo bộ phận kỹ thuật.</source>
        <translation>The server {where} answers in http, not https. If it is a test server, write the address http://{where}; otherwise tell the technical staff.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="24"/>
        <source>Máy chủ {where} không trả lời: máy chủ có thể đang tắt, hoặc địa chỉ chưa đúng. Hãy kiểm tra địa chỉ, hoặc thử lại sau ít phút.</source>
        <translation>The server {where} does not answer: it may be down, or the address may be wrong. Check the address, or try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="29"/>
        <source>Không tìm thấy máy chủ có tên {host}. Hãy kiểm tra địa chỉ máy chủ và kết nối mạng.</source>
        <translation>No server named {host} was found. Check the server address and the network.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="33"/>
        <source>Máy chủ {where} không trả lời kịp. Hãy kiểm tra kết nối mạng và địa chỉ máy chủ.</source>
        <translation>The server {where} did not answer in time. Check the network and the server address.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="37"/>
        <source>Máy chủ {where} trả lời quá chậm. Vui lòng thử lại sau ít phút.</source>
        <translation>The server {where} is answering too slowly. Please try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="40"/>
        <source>Chứng chỉ bảo mật của máy chủ {where} không đáng tin cậy nên máy không đăng nhập. Hãy báo bộ phận kỹ thuật.</source>
        <translation>The security certificate of the server {where} is not trusted, so this laptop does not sign in. Tell the technical staff.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="45"/>
        <source>Máy chủ {where} ngắt kết nối mà không trả lời. Nếu máy chủ dùng https, hãy ghi địa chỉ https://{where}.</source>
        <translation>The server {where} closed the connection without answering. If it uses https, write the address https://{where}.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="59"/>
        <source>“{typed}” không phải địa chỉ máy chủ. Hãy ghi theo dạng https://tên-máy-chủ, ví dụ https://ecabinet.chinhphu.vn.</source>
        <translation>“{typed}” is not a server address. Write it as https://server-name, for example https://ecabinet.chinhphu.vn.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="70"/>
        <source>Sai cơ quan, tên đăng nhập hoặc mật khẩu.</source>
        <translation>Wrong organisation, username or password.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="72"/>
        <source>Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.</source>
        <translation>Too many failed sign-ins. Please try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="75"/>
        <source>Máy chủ từ chối đăng nhập: {reason}</source>
        <translation>The server refused the sign-in: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="81"/>
        <source>Không kết nối được máy chủ. Hãy kiểm tra địa chỉ máy chủ và kết nối mạng.</source>
        <translation>Cannot reach the server. Check its address and the network connection.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="88"/>
        <source>Máy chủ trả lời không hợp lệ; dữ liệu trên máy không bị thay đổi.</source>
        <translation>The server&apos;s answer was invalid; nothing on this laptop was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/words.py" line="91"/>
        <source>Không đăng nhập được: {error}</source>
        <translation>Could not sign in: {error}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin/dialog.py" line="50"/>
        <source>Đăng nhập e-Cabinet</source>
        <translation>Sign in to e-Cabinet</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="61"/>
        <source>Ghi nhớ đăng nhập trên máy này</source>
        <translation>Remember me on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="69"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="70"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="76"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="77"/>
        <source>Cơ quan</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="78"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="79"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="101"/>
        <source>Hệ thống phòng họp không giấy</source>
        <translation>The paperless meeting room</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="128"/>
        <source>Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu.</source>
        <translation>Enter the server address, your username and password.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/dialog.py" line="145"/>
        <source>Đang đăng nhập…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SpeakBox</name>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="37"/>
        <location filename="../../ui/decisions/speak_box.py" line="71"/>
        <source>Đăng ký phát biểu</source>
        <translation>Ask to speak</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="71"/>
        <source>Rút đăng ký phát biểu</source>
        <translation>Withdraw request to speak</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="80"/>
        <source>Đồng chí đang phát biểu.</source>
        <translation>You have the floor.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="82"/>
        <source>Đã đăng ký phát biểu (chờ gửi).</source>
        <translation>Asked to speak (waiting to send).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="84"/>
        <source>Đã đăng ký phát biểu; thứ tự: {place}.</source>
        <translation>Asked to speak; place in the list: {place}.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="86"/>
        <source>Đã rút đăng ký phát biểu (chờ gửi).</source>
        <translation>Request to speak withdrawn (waiting to send).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="87"/>
        <source>Chưa đăng ký phát biểu.</source>
        <translation>You have not asked to speak.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="94"/>
        <source>Đã rút đăng ký phát biểu.</source>
        <translation>Request to speak withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="98"/>
        <source>Đã đăng ký phát biểu trên máy; sẽ gửi khi có kết nối.</source>
        <translation>Asked to speak on this laptop; it is sent when online.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speak_box.py" line="112"/>
        <source>Không lưu được: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="107"/>
        <source>Đăng ký phát biểu</source>
        <translation>Wish to speak</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="118"/>
        <source>Danh sách đăng ký phát biểu</source>
        <translation>List of speakers</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="122"/>
        <source> phút mỗi người</source>
        <translation> min each</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="123"/>
        <source>Mời phát biểu</source>
        <translation>Give the floor</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="124"/>
        <source>Mời người kế tiếp trong danh sách phát biểu</source>
        <translation>Give the floor to the next on the list</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="126"/>
        <source>Kết thúc</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="127"/>
        <source>Kết thúc phần phát biểu hiện tại</source>
        <translation>End the current speech</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="163"/>
        <source>đang phát biểu</source>
        <translation>speaking</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="190"/>
        <source>Còn {n} người chờ phát biểu.</source>
        <translation>{n} waiting to speak.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="192"/>
        <location filename="../../ui/decisions/speakers.py" line="248"/>
        <source>Không còn ai đăng ký phát biểu.</source>
        <translation>Nobody else has asked to speak.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="199"/>
        <source>Đang phát biểu: {name} — {time}</source>
        <translation>Speaking: {name} — {time}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="251"/>
        <source>Chỉ mời phát biểu khi phiên họp đang diễn ra và nội dung chưa kết thúc.</source>
        <translation>The floor is given only while the session is held and the item is open.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="255"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not do this: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/speakers.py" line="203"/>
        <source>(quá thời gian)</source>
        <translation>(over time)</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/starting.py" line="23"/>
        <source>e-Cabinet
Đang mở dữ liệu trên máy…</source>
        <translation>e-Cabinet
Opening what is on this laptop…</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../ui/status_area.py" line="37"/>
        <source>Dừng tải</source>
        <translation>Stop downloads</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="40"/>
        <source>Dừng tải tài liệu (những tệp đã tải xong vẫn giữ)</source>
        <translation>Stop downloading (files already complete are kept)</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="54"/>
        <source>● Trực tuyến</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="54"/>
        <source>○ Ngoại tuyến</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="64"/>
        <source>chưa đồng bộ</source>
        <translation>never synced</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="66"/>
        <source>Đồng bộ lần cuối: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="71"/>
        <source>Chờ gửi: {count}</source>
        <translation>Waiting to send: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="73"/>
        <source>Đang gửi lại: {count}</source>
        <translation>Sending again: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="75"/>
        <source>Bị từ chối: {count}</source>
        <translation>Refused: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="79"/>
        <source>Các thao tác đã lưu trên máy, sẽ được gửi khi có kết nối.</source>
        <translation>Saved on this laptop; will be sent when online.</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="83"/>
        <source>Máy chủ chưa nhận được hoặc chưa trả lời; máy sẽ tự gửi lại, không thao tác nào bị mất.</source>
        <translation>The server has not received them or not answered yet; this laptop sends them again by itself, and nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="94"/>
        <source>Cơ quan đăng nhập: {name}</source>
        <translation>Signed in to: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/status_area.py" line="107"/>
        <source>Đang tải {done} / {total}</source>
        <translation>Downloading {done} / {total}</translation>
    </message>
</context>
<context>
    <name>TravelPage</name>
    <message>
        <location filename="../../ui/travel/page.py" line="35"/>
        <source>Sẵn sàng đi công tác</source>
        <translation>Ready to travel</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="41"/>
        <location filename="../../ui/travel/page.py" line="85"/>
        <source>Tải về tài liệu còn thiếu</source>
        <translation>Download what is missing</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="46"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="46"/>
        <source>Thuộc</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="46"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="46"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="59"/>
        <source>Không có phiên họp sắp tới hay phiếu lấy ý kiến đang mở.</source>
        <translation>No upcoming meetings or open written ballots.</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="64"/>
        <source>✔ Sẵn sàng: cả {count} tài liệu của các phiên họp sắp tới và phiếu lấy ý kiến đang mở đã có trên máy, đọc được khi không có mạng.</source>
        <translation>✔ Ready: all {count} documents of the upcoming meetings and open ballots are on this laptop and can be read offline.</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="70"/>
        <source>✘ Chưa sẵn sàng: còn thiếu {missing}/{count} tài liệu ({size}).</source>
        <translation>✘ Not ready: {missing}/{count} documents are missing ({size}).</translation>
    </message>
    <message>
        <location filename="../../ui/travel/page.py" line="85"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>VoteChart</name>
    <message>
        <location filename="../../ui/decisions/chart.py" line="62"/>
        <source>Chưa biểu quyết</source>
        <translation>Not voted</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/chart.py" line="69"/>
        <source>Quá nửa tổng số thành viên: {n}</source>
        <translation>More than half of all members: {n}</translation>
    </message>
</context>
<context>
    <name>VoteConsole</name>
    <message>
        <location filename="../../ui/decisions/problems.py" line="10"/>
        <source>Chưa đủ số thành viên có mặt: cần ít nhất hai phần ba tổng số thành viên.</source>
        <translation>Not enough members present: at least two thirds of all members are needed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/problems.py" line="14"/>
        <source>Chỉ mở biểu quyết khi phiên họp đang diễn ra và nội dung chưa được biểu quyết.</source>
        <translation>A vote opens only while the session is in progress and the item has not been voted on.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/problems.py" line="18"/>
        <source>Chỉ lập biên bản cho phiên họp đã được tổ chức: phiên họp phải đã khai mạc và đã kết thúc.</source>
        <translation>Minutes are made only for a session that was held: it must have been opened and closed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/problems.py" line="23"/>
        <source>Có nội dung không còn đủ điều kiện thông qua không thảo luận (có ý kiến phản đối, đăng ký phát biểu hoặc đề nghị thảo luận). Hãy cập nhật danh sách.</source>
        <translation>An item no longer qualifies for adoption without debate (an objection, a wish to speak or a request for debate). Refresh the list.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/problems.py" line="28"/>
        <source>Tài khoản này không có quyền làm việc này (việc của Chủ trì hoặc Văn phòng).</source>
        <translation>This account may not do this (it is the chair&apos;s or the Government Office&apos;s).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/problems.py" line="41"/>
        <source>Cần kết nối máy chủ để điều hành biểu quyết.</source>
        <translation>Running a vote needs a connection to the server.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="89"/>
        <location filename="../../ui/decisions/vote_console.py" line="187"/>
        <source>Màn hình phòng họp</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="121"/>
        <source>Nội dung phiên họp</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="126"/>
        <source>Chương trình họp</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="132"/>
        <location filename="../../ui/decisions/vote_console.py" line="166"/>
        <source>Mở biểu quyết</source>
        <translation>Open the vote</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="134"/>
        <location filename="../../ui/decisions/vote_console.py" line="169"/>
        <source>Kết thúc biểu quyết</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="148"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="175"/>
        <source>Chuyển sang nội dung tiếp theo</source>
        <translation>Move to the next item</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="181"/>
        <source>Mời người tiếp theo phát biểu</source>
        <translation>Give the floor to the next speaker</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="237"/>
        <source>Đang thảo luận: {n}. {title}</source>
        <translation>Under discussion: {n}. {title}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="241"/>
        <source>Chưa chuyển sang nội dung nào.</source>
        <translation>No item is under discussion yet.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="251"/>
        <source>Đang lấy số liệu biểu quyết từ máy chủ…</source>
        <translation>Fetching the vote count from the server…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="270"/>
        <source>Đây là nội dung cuối cùng của chương trình.</source>
        <translation>This is the last item of the agenda.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="279"/>
        <source>Không còn ai trong danh sách đăng ký phát biểu.</source>
        <translation>Nobody else is waiting to speak.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="303"/>
        <source>Đủ túc số: có mặt {present}/{total} thành viên (cần {needed}).</source>
        <translation>Quorum reached: {present}/{total} members present ({needed} needed).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="306"/>
        <source>Chưa đủ túc số: có mặt {present}/{total} thành viên, cần {needed} để biểu quyết.</source>
        <translation>No quorum yet: {present}/{total} members present, {needed} needed to vote.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="435"/>
        <source>Chọn màn hình chiếu</source>
        <translation>Choose the projection screen</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="376"/>
        <source>Đã mở biểu quyết.</source>
        <translation>The vote is open.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="376"/>
        <source>Đã kết thúc biểu quyết.</source>
        <translation>The vote is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/vote_console.py" line="383"/>
        <source>Không thực hiện được: {reason}</source>
        <translation>Could not do that: {reason}</translation>
    </message>
</context>
<context>
    <name>VoteResult</name>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="72"/>
        <source>Chưa mở biểu quyết.</source>
        <translation>The vote is not open.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="73"/>
        <source>Đang biểu quyết: {agree} tán thành; cần ít nhất {needed} trên tổng số {total} thành viên.</source>
        <translation>Voting: {agree} agree; at least {needed} of all {total} members needed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="77"/>
        <source>Được thông qua: số phiếu ngang nhau ({agree}–{disagree}), người chủ trì tán thành.</source>
        <translation>Passed: a tie ({agree}–{disagree}), and the presiding chair agreed.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="81"/>
        <source>Không được thông qua: số phiếu ngang nhau ({agree}–{disagree}) và người chủ trì không tán thành.</source>
        <translation>Not passed: a tie ({agree}–{disagree}), and the presiding chair did not agree.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="86"/>
        <source>Số phiếu ngang nhau ({agree}–{disagree}): quyết định theo phía người chủ trì đã biểu quyết; đang chờ kết quả công bố.</source>
        <translation>A tie ({agree}–{disagree}): the decision follows the side the presiding chair voted for; waiting for the published result.</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="91"/>
        <source>Được thông qua: {agree}/{total} thành viên tán thành (quá nửa).</source>
        <translation>Passed: {agree}/{total} members agree (more than half).</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/hall_state.py" line="94"/>
        <source>Không được thông qua: {agree}/{total} thành viên tán thành; cần {needed}.</source>
        <translation>Not passed: {agree}/{total} members agree; {needed} needed.</translation>
    </message>
</context>
<context>
    <name>WindowGuard</name>
    <message>
        <location filename="../../ui/lock/guard.py" line="88"/>
        <source>Máy này đã không kết nối với máy chủ quá {hours} giờ. Để bảo vệ tài liệu, hãy kết nối mạng và đăng nhập lại. Các thao tác chưa gửi vẫn được giữ.</source>
        <translation>This laptop has not reached the server for over {hours} hours. To protect the papers, connect to the network and sign in again. What you have not yet sent is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/lock/guard.py" line="119"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/lock/guard.py" line="132"/>
        <source>Mật khẩu hoặc mã PIN không đúng. Còn {count} lần thử.</source>
        <translation>Wrong password or PIN. {count} tries left.</translation>
    </message>
    <message>
        <location filename="../../ui/lock/guard.py" line="137"/>
        <source>Không kiểm tra được: {error}</source>
        <translation>Could not check: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/lock/guard.py" line="143"/>
        <source>Nhập sai quá nhiều lần: hãy đăng nhập lại với máy chủ.</source>
        <translation>Too many wrong tries: sign in again with the server.</translation>
    </message>
</context>
<context>
    <name>WindowTray</name>
    <message>
        <location filename="../../ui/window/tray.py" line="49"/>
        <source>Mở e-Cabinet</source>
        <translation>Open e-Cabinet</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="50"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="52"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="60"/>
        <source>Chưa đồng bộ</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="62"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="64"/>
        <source>Không đồng bộ được</source>
        <translation>Could not sync</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="108"/>
        <source>Đã đồng bộ lúc {time}</source>
        <translation>Synced at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/window/tray.py" line="111"/>
        <source>Ngoại tuyến: đang làm việc với dữ liệu trên máy</source>
        <translation>Offline: working with the data on this laptop</translation>
    </message>
</context>
</TS>
