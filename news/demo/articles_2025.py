"""Demo articles of 2025 (synthetic: names of people, firms and sums are
invented for the demo; each article says so at its end)."""

# (category slug, "dd/mm/yyyy HH:MM", title, lead, [paragraphs], [tags])
ARTICLES_2025 = [
    (
        "tin-tuc",
        "08/01/2025 09:30",
        "Tổng kết công tác khuyến công năm 2024, triển khai nhiệm vụ năm 2025",
        "Năm 2024, Trung tâm Khuyến công và Tư vấn phát triển công nghiệp tỉnh "
        "đã thực hiện 28 đề án khuyến công, hỗ trợ 41 cơ sở công nghiệp nông "
        "thôn đổi mới máy móc, thiết bị.",
        [
            "Sáng 08/01, Sở Công Thương tổ chức hội nghị tổng kết công tác "
            "khuyến công năm 2024 với sự tham dự của đại diện các phòng kinh tế "
            "cấp huyện và hơn 60 cơ sở công nghiệp nông thôn.",
            "Theo báo cáo, tổng kinh phí khuyến công địa phương giao năm 2024 đạt "
            "9,8 tỷ đồng, giải ngân 96,5%; các đề án tập trung vào chế biến nông "
            "sản, thủ công mỹ nghệ và cơ khí nhỏ.",
            "Năm 2025, Trung tâm đặt mục tiêu hỗ trợ ít nhất 35 cơ sở ứng dụng máy "
            "móc tiên tiến và tổ chức bình chọn sản phẩm công nghiệp nông thôn "
            "tiêu biểu cấp tỉnh.",
        ],
        ["Tổng kết năm", "Kinh phí khuyến công"],
    ),
    (
        "hoat-dong-khuyen-cong",
        "21/02/2025 14:00",
        "Hỗ trợ cơ sở chế biến hạt điều ứng dụng máy bóc vỏ tự động",
        "Đề án khuyến công địa phương hỗ trợ 300 triệu đồng giúp một cơ sở chế "
        "biến hạt điều ở huyện Ninh Phước nâng công suất lên 2 tấn mỗi ngày.",
        [
            "Cơ sở chế biến hạt điều Minh Phát (tên mẫu) được hỗ trợ một phần kinh "
            "phí mua dây chuyền bóc vỏ và phân loại hạt tự động.",
            "Sau ba tháng vận hành, năng suất lao động tăng gần gấp đôi, tỷ lệ hạt "
            "vỡ giảm từ 12% xuống dưới 5%, cơ sở tạo việc làm ổn định cho 25 lao "
            "động địa phương.",
            "Trung tâm Khuyến công sẽ tổ chức tham quan mô hình để các cơ sở cùng "
            "ngành học hỏi kinh nghiệm.",
        ],
        ["Chế biến nông sản", "Máy móc thiết bị"],
    ),
    (
        "tu-van-phat-trien-cong-nghiep",
        "14/03/2025 08:45",
        "Tư vấn lập hồ sơ đăng ký đề án khuyến công năm 2026",
        "Trung tâm mở đợt tư vấn miễn phí giúp cơ sở công nghiệp nông thôn chuẩn "
        "bị hồ sơ đề án khuyến công địa phương và quốc gia năm 2026.",
        [
            "Cán bộ tư vấn hướng dẫn cách xác định nội dung được hỗ trợ, lập dự "
            "toán, chuẩn bị báo giá thiết bị và cam kết đối ứng kinh phí.",
            "Các cơ sở có thể đăng ký tư vấn trực tiếp tại Trung tâm hoặc qua điện "
            "thoại trong giờ hành chính.",
            "Hạn gửi hồ sơ đề xuất là ngày 30/6/2025 để kịp tổng hợp vào kế hoạch "
            "khuyến công năm sau.",
        ],
        ["Tư vấn", "Đề án khuyến công"],
    ),
    (
        "san-pham-cong-nghiep-nong-thon-tieu-bieu",
        "10/04/2025 10:00",
        "Gốm Bàu Trúc góp mặt trong danh sách sản phẩm tiêu biểu cấp khu vực",
        "Ba sản phẩm gốm của làng nghề Bàu Trúc được Hội đồng bình chọn khu vực "
        "miền Trung - Tây Nguyên công nhận sản phẩm công nghiệp nông thôn tiêu biểu.",
        [
            "Các sản phẩm được đánh giá cao về tính độc đáo, giữ được kỹ thuật nặn "
            "tay và nung lộ thiên truyền thống của người Chăm.",
            "Chứng nhận giúp các cơ sở thuận lợi hơn khi tham gia hội chợ, triển "
            "lãm và đưa sản phẩm vào các cửa hàng giới thiệu sản phẩm.",
        ],
        ["Làng nghề", "Sản phẩm tiêu biểu"],
    ),
    (
        "van-ban-chinh-sach",
        "05/05/2025 15:20",
        "Quy định mới về mức chi cho hoạt động khuyến công địa phương",
        "Hội đồng nhân dân tỉnh ban hành nghị quyết quy định nội dung và mức chi "
        "hỗ trợ cho các hoạt động khuyến công trên địa bàn.",
        [
            "Nghị quyết nâng mức hỗ trợ ứng dụng máy móc tiên tiến lên tối đa 50% "
            "chi phí, không quá 500 triệu đồng mỗi cơ sở.",
            "Các cơ sở công nghiệp nông thôn do phụ nữ làm chủ, sử dụng nhiều lao "
            "động nữ hoặc ở vùng khó khăn được ưu tiên xét chọn.",
            "Toàn văn nghị quyết được đăng trong mục Văn bản của cổng thông tin.",
        ],
        ["Chính sách", "Kinh phí khuyến công"],
    ),
    (
        "thong-bao",
        "02/06/2025 08:00",
        "Thông báo tuyển chọn cơ sở tham gia hội chợ hàng công nghiệp nông thôn",
        "Trung tâm thông báo tuyển chọn 20 cơ sở tham gia gian hàng chung của tỉnh "
        "tại Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực.",
        [
            "Cơ sở được hỗ trợ chi phí thuê gian hàng, vận chuyển sản phẩm và một "
            "phần chi phí đi lại theo quy định.",
            "Hồ sơ đăng ký gửi về Trung tâm trước ngày 20/6/2025.",
        ],
        ["Hội chợ triển lãm", "Thông báo"],
    ),
    (
        "tin-tuc",
        "18/07/2025 16:10",
        "Đoàn công tác Cục Công Thương địa phương kiểm tra đề án khuyến công quốc gia",
        "Đoàn đánh giá cao hiệu quả của hai đề án khuyến công quốc gia về tiết "
        "kiệm năng lượng trong sản xuất gạch không nung.",
        [
            "Tại buổi làm việc, đoàn đã kiểm tra hồ sơ, chứng từ thanh toán và "
            "thực tế vận hành thiết bị tại hai cơ sở thụ hưởng.",
            "Đoàn đề nghị địa phương tiếp tục nhân rộng mô hình, gắn với mục tiêu "
            "sản xuất xanh và giảm phát thải.",
        ],
        ["Khuyến công quốc gia", "Tiết kiệm năng lượng"],
    ),
    (
        "hoat-dong-khuyen-cong",
        "26/08/2025 09:15",
        "Khai giảng lớp đào tạo nghề mây tre đan cho 35 lao động nông thôn",
        "Lớp đào tạo nghề kéo dài ba tháng, học viên được hỗ trợ học phí và "
        "nguyên liệu thực hành.",
        [
            "Lớp học do Trung tâm phối hợp với một hợp tác xã mây tre đan tổ chức, "
            "giảng viên là các nghệ nhân có nhiều năm kinh nghiệm.",
            "Sau khóa học, hợp tác xã cam kết bao tiêu sản phẩm và tiếp nhận học "
            "viên làm việc.",
        ],
        ["Đào tạo nghề", "Làng nghề"],
    ),
    (
        "tu-van-phat-trien-cong-nghiep",
        "30/09/2025 14:30",
        "Kiểm toán năng lượng miễn phí cho doanh nghiệp nhỏ và vừa",
        "Mười doanh nghiệp được chuyên gia đo đạc, chỉ ra giải pháp tiết kiệm "
        "trung bình 12% chi phí điện năng.",
        [
            "Các giải pháp chủ yếu gồm thay động cơ hiệu suất cao, lắp biến tần cho "
            "máy nén khí và tối ưu hệ thống chiếu sáng.",
            "Doanh nghiệp thực hiện giải pháp có thể đăng ký hỗ trợ từ chương "
            "trình khuyến công và chương trình sử dụng năng lượng tiết kiệm.",
        ],
        ["Tiết kiệm năng lượng", "Tư vấn"],
    ),
    (
        "thong-bao",
        "12/11/2025 07:45",
        "Thông báo lịch tiếp nhận hồ sơ bình chọn sản phẩm tiêu biểu năm 2026",
        "Trung tâm tiếp nhận hồ sơ đăng ký bình chọn sản phẩm công nghiệp nông "
        "thôn tiêu biểu cấp tỉnh từ ngày 01/12/2025.",
        [
            "Sản phẩm tham gia phải do cơ sở công nghiệp nông thôn trên địa bàn "
            "sản xuất, có chất lượng ổn định và thị trường tiêu thụ.",
            "Mẫu hồ sơ có tại Trung tâm và trong mục Văn bản của cổng thông tin.",
        ],
        ["Sản phẩm tiêu biểu", "Thông báo"],
    ),
]
