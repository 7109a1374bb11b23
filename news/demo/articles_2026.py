"""Demo articles of 2026 (synthetic, as those of 2025)."""

#: The demo's one video: Blender Foundation's open film "Big Buck Bunny"
#: (CC BY 3.0), standing in for a report the centre would post.
DEMO_VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

# (category slug, "dd/mm/yyyy HH:MM", title, lead, [paragraphs], [tags])
ARTICLES_2026 = [
    (
        "van-ban-chinh-sach",
        "15/01/2026 10:30",
        "Hướng dẫn thanh quyết toán kinh phí khuyến công năm 2026",
        "Sở Công Thương hướng dẫn hồ sơ thanh toán, quyết toán đối với các đề án "
        "khuyến công được giao kế hoạch năm 2026.",
        [
            "Hồ sơ gồm hợp đồng, biên bản nghiệm thu, hóa đơn chứng từ và báo cáo "
            "kết quả thực hiện đề án có xác nhận của địa phương.",
            "Đơn vị thực hiện đề án hoàn thành quyết toán chậm nhất ngày "
            "15/12/2026; phần kinh phí không sử dụng hết được hoàn trả ngân sách.",
        ],
        ["Chính sách", "Kinh phí khuyến công"],
    ),
    (
        "tin-tuc",
        "03/03/2026 09:00",
        "Giao kế hoạch khuyến công năm 2026: 32 đề án, hơn 11 tỷ đồng",
        "Ủy ban nhân dân tỉnh phê duyệt kế hoạch khuyến công năm 2026 với tổng "
        "kinh phí 11,2 tỷ đồng từ ngân sách địa phương.",
        [
            "Kế hoạch ưu tiên hỗ trợ máy móc thiết bị, xây dựng mô hình trình diễn "
            "kỹ thuật và phát triển sản phẩm công nghiệp nông thôn tiêu biểu.",
            "Số liệu chi tiết theo từng nội dung được công bố trong mục Số liệu "
            "của cổng thông tin.",
        ],
        ["Kinh phí khuyến công", "Kế hoạch"],
    ),
    (
        "hoat-dong-khuyen-cong",
        "09/04/2026 15:00",
        "Mô hình trình diễn sấy nông sản bằng năng lượng mặt trời",
        "Mô hình giúp cơ sở sấy nho, táo giảm 40% chi phí nhiên liệu và nâng "
        "chất lượng sản phẩm sau sấy.",
        [
            "Hệ thống gồm buồng sấy kín, tấm thu nhiệt và quạt đối lưu, được điều "
            "khiển nhiệt độ tự động.",
            "Buổi trình diễn thu hút hơn 50 hộ sản xuất và hợp tác xã đến tham quan.",
            "Phóng sự về mô hình (video minh họa của bản demo) được đăng kèm bài.",
        ],
        ["Chế biến nông sản", "Tiết kiệm năng lượng", "Mô hình trình diễn"],
    ),
    (
        "san-pham-cong-nghiep-nong-thon-tieu-bieu",
        "20/05/2026 11:20",
        "Tôn vinh 18 sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2026",
        "Các sản phẩm được công nhận thuộc bốn nhóm: chế biến nông sản, thủ công "
        "mỹ nghệ, cơ khí và hàng tiêu dùng.",
        [
            "Hội đồng bình chọn đã chấm điểm 45 sản phẩm theo các tiêu chí về hiệu "
            "quả kinh tế, xã hội, tính độc đáo và khả năng phát triển thị trường.",
            "Các sản phẩm đạt giải được hỗ trợ quảng bá trên cổng thông tin và tại "
            "các hội chợ trong năm.",
        ],
        ["Sản phẩm tiêu biểu", "Làng nghề"],
    ),
    (
        "tu-van-phat-trien-cong-nghiep",
        "17/06/2026 08:30",
        "Hỗ trợ cơ sở công nghiệp nông thôn bán hàng trên sàn thương mại điện tử",
        "Chương trình tư vấn giúp 30 cơ sở mở gian hàng trực tuyến, chụp ảnh sản "
        "phẩm và quản lý đơn hàng.",
        [
            "Chuyên gia hướng dẫn cách xây dựng mô tả sản phẩm, định giá và chăm "
            "sóc khách hàng trên các sàn thương mại điện tử.",
            "Sau hai tháng, doanh thu trực tuyến của nhóm cơ sở tham gia tăng bình "
            "quân 25%.",
        ],
        ["Thương mại điện tử", "Tư vấn"],
    ),
    (
        "thong-bao",
        "01/07/2026 07:30",
        "Thông báo lịch nghỉ và tiếp nhận hồ sơ trực tuyến trong tháng 7",
        "Trong thời gian sửa chữa trụ sở, Trung tâm tiếp nhận hồ sơ qua cổng "
        "dịch vụ công trực tuyến và thư điện tử.",
        [
            "Cơ sở có nhu cầu tư vấn trực tiếp vui lòng liên hệ trước qua điện "
            "thoại để được bố trí lịch làm việc.",
        ],
        ["Thông báo"],
    ),
    (
        "tin-tuc",
        "25/08/2026 16:00",
        "Hội nghị khuyến công khu vực miền Trung - Tây Nguyên năm 2026",
        "Hội nghị đánh giá kết quả sáu tháng đầu năm và thống nhất các giải pháp "
        "đẩy nhanh giải ngân kinh phí khuyến công.",
        [
            "Các địa phương chia sẻ kinh nghiệm lựa chọn đề án, phối hợp với doanh "
            "nghiệp và kiểm tra, giám sát sau hỗ trợ.",
            "Hội nghị cũng thảo luận định hướng chương trình khuyến công giai đoạn "
            "2026-2030.",
        ],
        ["Khuyến công quốc gia", "Hội nghị"],
    ),
    (
        "hoat-dong-khuyen-cong",
        "14/10/2026 10:45",
        "Nghiệm thu đề án hỗ trợ dây chuyền dệt thổ cẩm",
        "Dây chuyền dệt bán tự động giúp hợp tác xã dệt thổ cẩm tăng sản lượng "
        "và giữ hoa văn truyền thống.",
        [
            "Hội đồng nghiệm thu xác nhận thiết bị được lắp đặt đúng chủng loại, "
            "vận hành ổn định và phát huy hiệu quả.",
            "Hợp tác xã hiện có 42 thành viên, phần lớn là lao động nữ.",
        ],
        ["Làng nghề", "Máy móc thiết bị"],
    ),
]
