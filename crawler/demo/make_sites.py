"""Writes the demo sites' static pages under crawler/demo/sites/ (the generated files are committed).

``python -m crawler.demo.make_sites`` rewrites every HTML page and headers.yaml; binaries come from
make_documents.py. The content is data: what each page proves is in README.md, the verdicts in answers.yaml.
"""

from __future__ import annotations

import sys

from crawler.demo import make_documents as docs
from crawler.demo.pages import SITES_DIR, Item, Site, annual_report_body

PROVINCE_HALL = "http://zwfw.example-province.gov.cn/"  # offsite: linked, never fetched

# ==== www.yunxi.gov.cn: 云溪县人民政府 (portal) ======================================================

PORTAL = Site(
    host="www.yunxi.gov.cn", name="云溪县人民政府", org="云溪县人民政府办公室", idcode="4299990001",
    phone="0799-6123456",
    nav=[("首页", "/"), ("走进云溪", "/zjyx/"), ("政务动态", "/zwdt/"), ("信息公开", "/zfxxgk/"),
         ("政务服务", "/zwfw/"), ("政民互动", "/zmhd/")],  # no 公共服务 column: a deliberate gap (C08)
    gbk_pages={"/zjyx/index.html", "/zjyx/lsyg/index.html", "/zjyx/xzqh/index.html", "/zjyx/xld/index.html",
               "/zfxxgk/gkml/index.html"},
)
XXGK = "/zfxxgk/"
XXGK_CRUMB = (("信息公开", XXGK),)
XXGK_SIDE = ("政府信息公开", [
    ("政府信息公开指南", "/zfxxgk/gkzn/"), ("政府信息公开制度", "/zfxxgk/gkzd/"), ("政府信息公开目录", "/zfxxgk/gkml/"),
    ("法定主动公开内容", "/zfxxgk/fdzdgknr/"), ("政府信息公开年报", "/zfxxgk/ndbg/"), ("依申请公开", "/zfxxgk/ysqgk/"),
    ("重点领域信息公开", "/zfxxgk/zdly/"), ("政府文件", "/zfxxgk/zfwj/"), ("公共企事业单位信息公开", "/zfxxgk/ggqysydw/"),
])

NEWS = [
    Item("2026-11-18", "县政府常务会议研究部署冬季安全生产工作"),
    Item("2026-11-12", "我县召开秋冬季森林防火工作推进会"),
    Item("2026-11-05", "县长李明远调研重点项目建设"),
    Item("2026-10-28", "云溪县举办2026年秋季大型招聘会"),
    Item("2026-10-20", "我县开展城乡环境综合整治集中行动"),
    Item("2026-10-11", "县政府与省农业科学院签订科技合作协议"),
    Item("2026-09-26", "云溪县第二届农民丰收节开幕"),
    Item("2026-09-15", "我县部署2026年秋季学期教育重点工作"),
    Item("2026-09-03", "县领导带队检查汛后水利工程修复情况"),
    Item("2026-08-22", "云溪县获评省级生态文明建设示范县"),
    Item("2026-08-10", "我县启动城乡居民医保集中参保缴费工作"),
    Item("2026-07-29", "县政府专题研究优化营商环境工作"),
]
NOTICES = [
    Item("2026-11-16", "关于开展2027年度城乡居民基本医疗保险集中参保的通告"),
    Item("2026-11-02", "云溪县2026年下半年公开招聘事业单位工作人员面试公告"),
    Item("2026-10-15", "关于县城部分路段临时交通管制的通告"),
    Item("2026-09-20", "关于划定2026年秋冬季森林防火期的通告"),
    Item("2026-08-30", "云溪县2026年度耕地地力保护补贴发放情况公示"),
]
DEPT_NEWS = [
    Item("2026-11-14", "县教育局开展冬季校园安全大检查"),
    Item("2026-11-06", "县财政局完成2026年第三季度惠农补贴发放"),
    Item("2026-10-24", "县卫生健康局开展基层医疗机构服务能力提升培训"),
    Item("2026-10-09", "县生态环境局通报9月份环境空气质量状况"),
    Item("2026-09-18", "县市场监管局开展中秋国庆食品安全专项检查"),
]
TOWN_NEWS = [
    Item("2026-11-10", "城关镇开展老旧小区改造入户走访"),
    Item("2026-10-30", "河西乡柑橘产业迎来丰收季"),
    Item("2026-10-12", "城关镇举办重阳节敬老活动"),
    Item("2026-09-22", "河西乡完成农村公路安全隐患排查"),
]

LEADING_GROUP = Item("2026-02-26", "关于成立云溪县政务公开工作领导小组的通知", body="""<p style="text-align:center">云政办发〔2026〕5号</p>
<p>各乡镇人民政府，县政府各部门：</p>
<p>为切实加强对全县政务公开工作的组织领导，经县人民政府研究，决定成立云溪县政务公开工作领导小组。现将有关事项通知如下：</p>
<p>一、领导小组组成人员</p>
<p>组　长：李明远　县人民政府县长</p>
<p>副组长：陈晓梅　县人民政府副县长<br>　　　　赵国华　县人民政府办公室主任</p>
<p>成　员：县发展和改革局、县教育局、县财政局、县卫生健康局、县生态环境局、县司法局、县市场监督管理局主要负责人，各乡镇人民政府乡镇长。</p>
<p>二、主要职责</p>
<p>统筹推进全县政务公开和政务服务工作，研究解决工作中的重大问题，指导各乡镇、各部门落实政务公开各项任务。</p>
<p>领导小组办公室设在县人民政府办公室，赵国华同志兼任办公室主任，负责领导小组日常工作。领导小组成员因工作变动需要调整的，由所在单位提出意见，报领导小组办公室按程序调整。</p>
<p style="text-align:right">云溪县人民政府办公室<br>2026年2月26日</p>""")

WORK_POINTS = Item("2026-04-08", "云溪县人民政府办公室关于印发《2026年云溪县政务公开工作要点》的通知", body="""<p style="text-align:center">云政办发〔2026〕12号</p>
<p>各乡镇人民政府，县政府各部门：</p>
<p>《2026年云溪县政务公开工作要点》已经县人民政府同意，现印发给你们，请结合实际认真贯彻落实。</p>
<p style="text-align:right">云溪县人民政府办公室<br>2026年4月8日</p>
<h3 style="text-align:center">2026年云溪县政务公开工作要点</h3>
<p>一、围绕稳增长促发展加强政策公开。及时公开涉及市场主体的各类政策措施，做好政策解读和咨询服务。</p>
<p>二、深化重点领域信息公开。全面公开财政预决算、重大建设项目、公共资源配置、社会公益事业、乡村振兴、教育、医疗卫生、社会保障、就业、环境保护、食品药品、安全生产等领域信息。</p>
<p>三、加强政策解读和回应关切。坚持政策文件与解读方案同步组织、同步审签、同步部署，及时回应社会关切。</p>
<p>四、加强政务公开平台建设。规范政府门户网站信息公开专栏，推进部门网站、乡镇网站集约化建设，确保栏目内容及时更新。</p>
<p>五、强化工作保障。各乡镇、各部门要明确分管负责人和工作人员，认真落实政府信息公开保密审查制度，做好政府信息公开工作年度报告编制发布。</p>""")

GUIDE = Item("2026-01-10", "云溪县人民政府政府信息公开指南", body="""<p>为了更好地为公民、法人和其他组织获取政府信息提供服务，根据《中华人民共和国政府信息公开条例》，编制本指南。本指南于2026年1月修订。</p>
<h3>一、主动公开</h3>
<p>（一）公开范围。县人民政府主动公开的政府信息详见本网站“法定主动公开内容”“重点领域信息公开”等栏目。</p>
<p>（二）公开形式。以政府门户网站“信息公开”专栏为第一平台，同时通过县档案馆、县图书馆和县政务服务中心设立的政府信息公开查阅点提供查阅。</p>
<p>（三）公开时限。属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。</p>
<h3>二、依申请公开</h3>
<p>公民、法人或者其他组织可以通过本网站“依申请公开”栏目在线提交申请，也可以通过信函、当面等方式提出申请。县人民政府收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起15个工作日内予以答复；需要延长答复期限的，延长期限最长不超过15个工作日。</p>
<h3>三、政府信息公开工作机构</h3>
<p>主管机关：云溪县人民政府办公室</p>
<p>工作机构：云溪县人民政府办公室政务公开股</p>
<p>办公地址：云溪县城关镇人民路88号县政府大楼3楼305室</p>
<p>办公时间：周一至周五上午8:30—12:00，下午14:30—17:30（法定节假日除外）</p>
<p>联系电话：0799-6123456</p>
<p>传　　真：0799-6123457</p>
<p>电子邮箱：yxzwgk@yunxi.gov.cn</p>
<p>邮政编码：429900</p>
<h3>四、监督和救济</h3>
<p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>""")

RULES = [
    Item("2026-01-15", "云溪县政府信息依申请公开办理制度", body="""<p>第一条　为规范政府信息依申请公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。</p>
<p>第二条　县人民政府办公室政务公开股负责统一受理向县人民政府提出的政府信息公开申请。</p>
<p>第三条　申请受理后，应当进行登记，区分不同情况，在15个工作日内作出答复；需要延长答复期限的，经政府信息公开工作机构负责人同意，延长期限最长不超过15个工作日。</p>
<p>第四条　答复书应当载明依据和救济途径，并通过申请人要求的方式送达。</p>
<p>第五条　本制度自印发之日起施行。</p>"""),
    Item("2026-01-15", "云溪县政府信息公开保密审查制度", body="""<p>第一条　为防止涉密信息通过政府信息公开渠道泄露，根据《中华人民共和国保守国家秘密法》和《中华人民共和国政府信息公开条例》，制定本制度。</p>
<p>第二条　政府信息公开前，应当依照法律法规和国家有关规定进行保密审查，坚持“先审查、后公开”“一事一审”原则。</p>
<p>第三条　拟公开的政府信息由承办科室初审，单位保密工作负责人复审，主要负责人审定后方可公开。</p>
<p>第四条　对不能确定是否可以公开的政府信息，应当依法报有关主管部门或者保密行政管理部门确定。</p>
<p>第五条　本制度自印发之日起施行。</p>"""),
]

ANNUAL_REPORT_LIST_TITLE = "云溪县人民政府政府信息公开工作年度报告"  # no year in the link text, as on many real sites
PORTAL_REPORTS = [
    Item("2026-03-20", "云溪县人民政府2025年政府信息公开工作年度报告", list_title=ANNUAL_REPORT_LIST_TITLE,
         body=annual_report_body(*docs.PORTAL_REPORT_ARGS),
         attachments=((docs.PORTAL_REPORT_PDF, "政府信息公开工作年度报告（PDF）"),)),
    Item("2025-03-18", "云溪县人民政府2024年政府信息公开工作年度报告", list_title=ANNUAL_REPORT_LIST_TITLE,
         body=annual_report_body("云溪县人民政府办公室", 2024, "云溪县人民政府办公室政务公开股", "0799-6123456",
                                 (3105, 39, 27, 1))),
    Item("2024-03-25", "云溪县人民政府2023年政府信息公开工作年度报告", list_title=ANNUAL_REPORT_LIST_TITLE,
         body=annual_report_body("云溪县人民政府办公室", 2023, "云溪县人民政府办公室政务公开股", "0799-6123456",
                                 (2874, 33, 22, 1))),
]

# 法定主动公开内容: 2008 Regulation art. 10 and 11. 行政事业性收费 is empty, 应急管理 stale since 2023-08-10,
# and 征收或征用土地、房屋拆迁及其补偿 is absent (gaps for C10 and C12).
STATUTORY: list[tuple[str, str, list[Item]]] = [
    ("gfxwj", "规范性文件", [
        Item("2026-10-16", "云溪县人民政府关于印发《云溪县城乡居民最低生活保障实施办法》的通知"),
        Item("2026-08-05", "云溪县人民政府办公室关于印发《云溪县农村公路养护管理办法》的通知"),
        Item("2026-06-18", "云溪县人民政府关于进一步加强耕地保护的意见"),
        Item("2026-04-22", "云溪县人民政府办公室关于印发《云溪县县级储备粮管理办法》的通知"),
        Item("2026-02-12", "云溪县人民政府关于公布现行有效规范性文件目录的通知"),
    ]),
    ("fzgh", "发展规划", [
        Item("2026-09-10", "云溪县“十五五”综合交通运输发展规划（征求意见稿）"),
        Item("2026-03-05", "云溪县2026年国民经济和社会发展计划"),
        Item("2026-01-28", "云溪县国民经济和社会发展第十五个五年规划纲要"),
    ]),
    ("tjxx", "统计信息", [
        Item("2026-10-25", "2026年1—9月云溪县主要经济指标"),
        Item("2026-07-26", "2026年上半年云溪县国民经济运行情况"),
        Item("2026-04-24", "2026年一季度云溪县主要经济指标"),
        Item("2026-03-30", "云溪县2025年国民经济和社会发展统计公报"),
    ]),
    ("czyjs", "财政预算决算", [
        Item("2026-08-20", "云溪县2025年县级财政决算报告"),
        Item("2026-08-20", "云溪县2025年县级“三公”经费决算情况说明"),
        Item("2026-07-28", "云溪县2026年上半年预算执行情况"),
        Item("2026-01-25", "云溪县2026年县级财政预算报告"),
    ]),
    ("xzsyxsf", "行政事业性收费", []),
    ("zfcg", "政府集中采购", [
        Item("2026-11-03", "云溪县2026年第四季度政府采购意向公开"),
        Item("2026-08-01", "云溪县第一中学教学设备采购项目中标结果公告"),
        Item("2026-05-15", "云溪县2026—2027年度政府集中采购目录及限额标准"),
    ]),
    ("xzxk", "行政许可", [
        Item("2026-11-10", "云溪县2026年10月行政许可结果公示"),
        Item("2026-09-08", "云溪县2026年8月行政许可结果公示"),
        Item("2026-03-12", "云溪县行政许可事项办理流程及申请材料目录"),
    ]),
    ("zdjsxm", "重大建设项目", [
        Item("2026-09-30", "云溪县城区污水处理厂提标改造工程实施情况"),
        Item("2026-07-15", "云溪县2026年重点建设项目计划"),
        Item("2026-04-02", "云溪县河西乡至城关镇公路改建工程批准情况"),
    ]),
    ("fpjyshbz", "扶贫、教育、医疗、社会保障、促进就业", [
        Item("2026-10-18", "云溪县2026年脱贫人口小额信贷贴息资金公示"),
        Item("2026-09-01", "云溪县2026年秋季学期学生资助政策"),
        Item("2026-07-10", "云溪县2026年城乡居民基本医疗保险筹资标准"),
        Item("2026-05-06", "云溪县2026年城乡低保标准调整公告"),
        Item("2026-03-15", "云溪县2026年春风行动就业岗位信息"),
    ]),
    ("yjgl", "应急管理", [  # stale: the newest item is 2023-08-10 (GBK pages)
        Item("2023-08-10", "云溪县防汛抗旱应急预案（2023年修订）"),
        Item("2023-03-22", "云溪县森林火灾应急预案"),
        Item("2022-11-08", "云溪县突发公共卫生事件应急预案"),
    ]),
    ("jdjc", "环境保护、公共卫生、安全生产、食品药品、产品质量监督检查", [
        Item("2026-11-08", "云溪县2026年第三季度食品安全监督抽检信息公告"),
        Item("2026-09-25", "云溪县2026年上半年安全生产执法检查情况"),
        Item("2026-07-20", "云溪县2026年第二季度重点排污单位监督性监测结果"),
        Item("2026-05-28", "云溪县2026年一季度产品质量监督抽查结果"),
    ]),
    ("cxjs", "城乡建设和管理重大事项", [
        Item("2026-10-08", "云溪县城区老旧小区改造2026年实施计划"),
        Item("2026-06-26", "云溪县国土空间总体规划（2021—2035年）批后公布"),
        Item("2026-03-28", "云溪县2026年农村人居环境整治工作方案"),
    ]),
    ("shgysy", "社会公益事业建设", [
        Item("2026-09-12", "云溪县2026年公共文化服务体系建设情况"),
        Item("2026-06-01", "云溪县全民健身中心建设项目进展情况"),
        Item("2026-02-20", "云溪县2025年度慈善捐赠资金使用情况"),
    ]),
    ("jzjz", "抢险救灾、优抚、救济、社会捐助", [
        Item("2026-10-22", "云溪县2026年第三季度优抚对象抚恤补助发放情况"),
        Item("2026-08-14", "云溪县2026年“7·20”暴雨灾害救灾资金分配情况"),
        Item("2026-04-18", "云溪县2026年一季度临时救助资金发放情况"),
    ]),
]

# 重点领域信息公开: every key area of the form except 征地拆迁 (the gap for C12).
KEY_AREAS: list[tuple[str, str, list[Item]]] = [
    ("czyjs", "财政预决算", [
        Item("2026-08-30", "云溪县2025年部门决算公开汇总", body="""<p>根据预决算公开有关规定，现将县直部门2025年部门决算（含“三公”经费决算）公开情况汇总如下：</p>
<ul><li><a href="http://czj.yunxi.gov.cn/zwgk/czyjs/">云溪县财政局2025年部门决算</a></li>
<li><a href="http://www.yunxi.gov.cn/bm/sthjj/zwgk/czyjs/">云溪县生态环境局2025年部门决算</a></li></ul>
<p>其余部门决算由各部门在本单位网站公开。</p>"""),
        Item("2026-02-15", "云溪县2026年部门预算公开汇总", body="""<p>现将县直部门2026年部门预算（含“三公”经费预算）公开情况汇总如下：</p>
<ul><li><a href="http://jyj.yunxi.gov.cn/zwgk/czyjs/">云溪县教育局2026年部门预算</a></li>
<li><a href="http://czj.yunxi.gov.cn/zwgk/czyjs/">云溪县财政局2026年部门预算</a></li>
<li><a href="http://www.yunxi.gov.cn/bm/sthjj/zwgk/czyjs/">云溪县生态环境局2026年部门预算</a></li></ul>"""),
        Item("2026-01-25", "云溪县2026年县级预算公开"),
    ]),
    ("zdxm", "重大建设项目", [
        Item("2026-10-10", "云溪县2026年重大建设项目批准和实施情况（第三季度）"),
        Item("2026-07-10", "云溪县2026年重大建设项目批准和实施情况（第二季度）"),
        Item("2026-04-10", "云溪县2026年重大建设项目批准和实施情况（第一季度）"),
    ]),
    ("ggzypz", "公共资源配置", [
        Item("2026-11-11", "云溪县国有建设用地使用权挂牌出让公告（云溪挂〔2026〕08号）"),
        Item("2026-08-26", "云溪县2026年矿业权出让结果公示"),
        Item("2026-05-19", "云溪县2026年保障性住房分配结果公示"),
    ]),
    ("shgysy", "社会公益事业", [
        Item("2026-10-05", "云溪县2026年彩票公益金使用情况公告"),
        Item("2026-06-12", "云溪县2025年度社会组织年检结果公告"),
    ]),
    ("xczx", "乡村振兴", [
        Item("2026-10-26", "云溪县2026年衔接推进乡村振兴补助资金项目计划调整公告"),
        Item("2026-07-02", "云溪县2026年巩固拓展脱贫攻坚成果项目库公示"),
        Item("2026-03-18", "云溪县2026年乡村振兴重点工作任务清单"),
    ]),
    ("jy", "教育", [
        Item("2026-08-28", "云溪县2026年义务教育招生入学工作方案"),
        Item("2026-06-20", "云溪县2026年公开招聘中小学教师公告"),
    ]),
    ("ylws", "医疗卫生", [
        Item("2026-09-16", "云溪县2026年基本公共卫生服务项目实施方案"),
        Item("2026-05-12", "云溪县医疗机构名录（2026年）"),
    ]),
    ("shbz", "社会保障", [
        Item("2026-10-30", "云溪县2026年10月城乡低保金发放情况"),
        Item("2026-07-22", "云溪县2026年城乡居民基础养老金调整公告"),
    ]),
    ("jiuye", "就业", [
        Item("2026-11-06", "云溪县2026年公益性岗位招聘公告"),
        Item("2026-04-28", "云溪县2026年职业技能培训补贴公示"),
    ]),
    ("hjbh", "环境保护", [
        Item("2026-11-09", "云溪县2026年10月环境空气质量状况"),
        Item("2026-08-08", "云溪县2026年上半年地表水环境质量状况"),
    ]),
    ("sppy", "食品药品", [
        Item("2026-10-28", "云溪县2026年第三季度药品监督抽检结果"),
        Item("2026-06-30", "云溪县餐饮服务食品安全量化分级公示"),
    ]),
    ("aqsc", "安全生产", [
        Item("2026-11-15", "云溪县2026—2027年冬春火灾防控工作方案"),
        Item("2026-09-09", "云溪县2026年第三季度安全生产行政处罚信息"),
    ]),
]

GOV_FILES = [
    Item("2026-06-15", "云溪县人民政府关于公布2026年县级行政许可事项清单的通知"),
    Item("2026-05-20", "云溪县人民政府办公室关于做好2026年防汛抗旱工作的通知"),
    WORK_POINTS,
    Item("2026-03-05", "云溪县人民政府关于印发云溪县2026年国民经济和社会发展计划的通知"),
    LEADING_GROUP,
]

UTILITIES = [  # 公共企事业单位: water, power and gas; no 公交, 医院 or 学校 (C16 partial)
    Item("2026-09-01", "云溪县自来水有限公司供水服务信息公开", source="云溪县自来水有限公司", body="""<p>一、营业网点：云溪县城关镇人民路120号，营业时间8:30—17:30。</p>
<p>二、收费标准：居民生活用水2.35元/立方米，非居民用水3.10元/立方米，特种用水6.50元/立方米。</p>
<p>三、用水报装：申请人持身份证、房屋产权证明到营业网点办理，受理后5个工作日内完成查勘，接水工程完工后2个工作日内通水。</p>
<p>四、停水通知：计划停水提前24小时通过本网站和营业网点公告。</p>
<p>五、服务热线：0799-6130000（24小时）。</p>"""),
    Item("2026-07-01", "国网云溪县供电公司供电服务信息公开", source="国网云溪县供电公司", body="""<p>一、营业厅：云溪县城关镇滨江路8号，营业时间8:30—17:30。</p>
<p>二、电价标准：居民生活用电执行阶梯电价，第一档0.56元/千瓦时。</p>
<p>三、业扩报装：低压居民用户新装，资料齐全后3个工作日内装表接电。</p>
<p>四、服务热线：95598。</p>"""),
    Item("2026-05-10", "云溪县燃气有限公司燃气服务信息公开", source="云溪县燃气有限公司", body="""<p>一、营业网点：云溪县城关镇文化路30号。</p>
<p>二、气价标准：居民管道天然气2.86元/立方米。</p>
<p>三、开户安装：持身份证、房屋产权证明办理，5个工作日内上门安装。</p>
<p>四、抢修电话：0799-6135119（24小时）。</p>"""),
]

SERVICE_ITEMS = [  # 办事事项清单: name, department, time limit, materials, provincial item id
    ("居民身份证申领", "县公安局", "20个工作日", "户口簿、近期免冠照片", "4299001"),
    ("个体工商户设立登记", "县市场监督管理局", "即办", "身份证明、经营场所证明", "4299002"),
    ("食品经营许可", "县市场监督管理局", "10个工作日", "申请书、营业执照、场所布局图", "4299003"),
    ("教师资格认定", "县教育局", "20个工作日", "申请表、身份证、学历证书、体检合格证明", "4299004"),
    ("医师执业注册", "县卫生健康局", "20个工作日", "申请表、医师资格证书、健康证明", "4299005"),
    ("建设项目环境影响报告表审批", "县生态环境局", "15个工作日", "申请函、环境影响报告表", "4299006"),
    ("城乡居民养老保险参保登记", "县人力资源和社会保障局", "即办", "身份证、户口簿", "4299007"),
    ("最低生活保障审核确认", "县民政局", "30个工作日", "申请书、家庭收入及财产状况证明", "4299008"),
    ("建筑工程施工许可", "县住房和城乡建设局", "7个工作日", "申请表、用地批准手续、施工合同", "4299009"),
    ("农村宅基地审批", "乡镇人民政府", "20个工作日", "申请表、户口簿、村民小组意见", "4299010"),
]

LETTERS = [  # 县长信箱: (title, received, replied, letter, reply, unit)
    ("关于城关镇人民路路灯不亮的问题", "2026-11-02", "2026-11-06", "人民路中段十余盏路灯已连续一周不亮，夜间出行不便。",
     "经核查，系线路老化所致，县城市管理局已于11月5日完成维修，路灯恢复正常。", "县城市管理局"),
    ("咨询2027年度城乡居民医保缴费标准", "2026-10-20", "2026-10-22", "请问明年的城乡居民医保个人缴费标准是多少？",
     "2027年度城乡居民医保个人缴费标准以省里统一公布为准，集中参保期内可通过手机缴费。", "县医疗保障局"),
    ("河西乡村道坑洼不平何时修复", "2026-09-15", "2026-09-25", "河西乡至石桥村道路坑洼较多，雨天积水严重。",
     "该路段已列入2026年农村公路养护计划，预计12月底前完成修复。", "县交通运输局"),
    ("关于县城停车难的建议", "2026-08-03", "2026-08-12", "建议在县城老城区增设公共停车位。",
     "感谢您的建议，县住建局正在编制城区停车设施专项规划，将统筹增设公共停车泊位。", "县住房和城乡建设局"),
]


def build_portal() -> None:
    s = PORTAL
    s.write_css()
    news_side = ("政务动态", [("政务要闻", "/zwdt/zwyw/"), ("通知公告", "/zwdt/tzgg/"), ("部门动态", "/zwdt/bmdt/"),
                              ("乡镇动态", "/zwdt/xzdt/")])
    crumbs = (("政务动态", "/zwdt/"),)
    s.column("/zwdt/zwyw/", "政务要闻", NEWS, crumbs=crumbs, side=news_side, per_page=8)
    s.column("/zwdt/tzgg/", "通知公告", NOTICES, crumbs=crumbs, side=news_side)
    s.column("/zwdt/bmdt/", "部门动态", DEPT_NEWS, crumbs=crumbs, side=news_side)
    s.column("/zwdt/xzdt/", "乡镇动态", TOWN_NEWS, crumbs=crumbs, side=news_side)
    blocks = "".join(_block(name, path, items) for (name, path), items in
                     zip(news_side[1], [NEWS, NOTICES, DEPT_NEWS, TOWN_NEWS], strict=True))
    s.page("/zwdt/index.html", "政务动态", blocks, column="政务动态")

    # 走进云溪: saved as GBK, charset only in <meta>
    intro_side = ("走进云溪", [("县情概况", "/zjyx/"), ("历史沿革", "/zjyx/lsyg/"), ("行政区划", "/zjyx/xzqh/"),
                              ("县领导", "/zjyx/xld/")])
    for path, name, text in [
        ("/zjyx/", "县情概况", "云溪县位于示范省西部，总面积1680平方公里，户籍人口28.6万人。境内山清水秀，云溪河自北向南贯穿全境，素有“柑橘之乡”之称。"),
        ("/zjyx/lsyg/", "历史沿革", "云溪县历史悠久，明代设巡检司，1913年置县，1949年10月解放，1950年成立云溪县人民政府。"),
        ("/zjyx/xzqh/", "行政区划", "全县辖城关镇、河西乡，共48个行政村（社区）。县人民政府驻城关镇人民路88号。"),
        ("/zjyx/xld/", "县领导", "县长：李明远　副县长：陈晓梅、张卫东、刘志强"),
    ]:
        s.page(f"{path}index.html", name, f"<h2>{name}</h2>\n<p>{text}</p>", column=name,
               crumbs=(("走进云溪", "/zjyx/"),) if path != "/zjyx/" else (), side=intro_side)

    # 信息公开: the disclosure platform
    s.single("/zfxxgk/gkzn/", GUIDE, crumbs=XXGK_CRUMB, side=XXGK_SIDE, column="政府信息公开指南")
    s.column("/zfxxgk/gkzd/", "政府信息公开制度", RULES, crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    s.column("/zfxxgk/ndbg/", "政府信息公开年报", PORTAL_REPORTS, crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    s.column("/zfxxgk/zfwj/", "政府文件", GOV_FILES, crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    s.column("/zfxxgk/ggqysydw/", "公共企事业单位信息公开", UTILITIES, crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    statutory_crumbs = (*XXGK_CRUMB, ("法定主动公开内容", "/zfxxgk/fdzdgknr/"))
    for slug, name, items in STATUTORY:
        path = f"/zfxxgk/fdzdgknr/{slug}/"
        if slug == "yjgl":
            s.gbk_pages |= {f"{path}index.html"} | {f"{path}{it.url}" for it in items}
        s.column(path, name, items, crumbs=statutory_crumbs, side=XXGK_SIDE)
    s.page("/zfxxgk/fdzdgknr/index.html", "法定主动公开内容", _category_grid("法定主动公开内容", "/zfxxgk/fdzdgknr/", STATUTORY),
           column="法定主动公开内容", crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    key_crumbs = (*XXGK_CRUMB, ("重点领域信息公开", "/zfxxgk/zdly/"))
    for slug, name, items in KEY_AREAS:
        s.column(f"/zfxxgk/zdly/{slug}/", name, items, crumbs=key_crumbs, side=XXGK_SIDE)
    s.page("/zfxxgk/zdly/index.html", "重点领域信息公开", _category_grid("重点领域信息公开", "/zfxxgk/zdly/", KEY_AREAS),
           column="重点领域信息公开", crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    rows = "\n".join(f'<tr><td><a href="/zfxxgk/fdzdgknr/{slug}/">{name}</a></td><td>{len(items)}</td></tr>'
                     for slug, name, items in STATUTORY)
    s.page("/zfxxgk/gkml/index.html", "政府信息公开目录",  # GBK body; headers.yaml makes the header say utf-8
           f"<h2>云溪县人民政府政府信息公开目录</h2>\n<table><tr><th>类别</th><th>信息条数</th></tr>\n{rows}\n</table>",
           column="政府信息公开目录", crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    s.page("/zfxxgk/ysqgk/index.html", "依申请公开", """<h2>依申请公开</h2>
<p>受理机构：云溪县人民政府办公室政务公开股　地址：云溪县城关镇人民路88号县政府大楼3楼305室　电话：0799-6123456</p>
<p>申请方式：<a href="/zfxxgk/ysqgk/zxsq.html">在线申请</a>；信函申请（请在信封左下角注明“政府信息公开申请”）；当面申请。</p>
<p>答复期限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起15个工作日内答复。</p>""",
           column="依申请公开", crumbs=XXGK_CRUMB, side=XXGK_SIDE)
    s.page("/zfxxgk/ysqgk/zxsq.html", "政府信息公开在线申请", """<h2>政府信息公开在线申请</h2>
<form action="/zfxxgk/ysqgk/tj.html" method="post">
<p>申请人类型：<label><input type="radio" name="lx" value="gm" checked>公民</label> <label><input type="radio" name="lx" value="fr">法人或其他组织</label></p>
<p>姓名/名称：<input name="xm"></p><p>证件号码：<input name="zjhm"></p><p>联系电话：<input name="dh"></p>
<p>所需信息的内容描述：<textarea name="nr"></textarea></p><p><button type="submit">提交申请</button></p>
</form>""", column="依申请公开", crumbs=(*XXGK_CRUMB, ("依申请公开", "/zfxxgk/ysqgk/")), side=XXGK_SIDE)
    latest = [it for _, _, items in STATUTORY for it in items]
    latest.sort(key=lambda it: it.date, reverse=True)
    links = "".join(f'<li><a href="{h}">{label}</a></li>' for label, h in XXGK_SIDE[1])
    s.page("/zfxxgk/index.html", "政府信息公开", f"""<h2>政府信息公开</h2>
<ul class="entrances">{links}</ul>
<div class="list-title"><h2>最新公开信息</h2></div>
<ul class="list">{"".join(_line(s, it, _statutory_path(it)) for it in latest[:8])}</ul>""", column="政府信息公开",
           side=XXGK_SIDE)
    s.page("/xxgk/index.html", "政府信息公开", '<p>页面已迁移，正在跳转到<a href="/zfxxgk/">政府信息公开</a>……</p>',
           column="政府信息公开", head_extra='\n<meta http-equiv="refresh" content="0;url=/zfxxgk/">')

    # 政务服务 (= 网上办事): the provincial hall is offsite; the item list and the service guide are local
    service_side = ("政务服务", [("网上办事大厅", PROVINCE_HALL), ("办事事项清单", "/zwfw/bssxqd/"),
                                 ("便民服务指南", "/zwfw/bmfwzn/")])
    rows = "\n".join(f'<tr><td>{n}</td><td>{d}</td><td>{t}</td><td>{m}</td>'
                     f'<td><a href="{PROVINCE_HALL}item/{i}.html" target="_blank">在线办理</a></td></tr>'
                     for n, d, t, m, i in SERVICE_ITEMS)
    s.page("/zwfw/bssxqd/index.html", "办事事项清单", f"""<h2>云溪县政务服务事项清单</h2>
<p>以下事项可在云溪县政务服务中心（城关镇人民路90号）窗口办理，或通过<a href="{PROVINCE_HALL}">省政务服务网</a>在线申报。</p>
<table><tr><th>事项名称</th><th>实施部门</th><th>办理时限</th><th>申请材料</th><th>网上办理</th></tr>
{rows}
</table>""", column="办事事项清单", crumbs=(("政务服务", "/zwfw/"),), side=service_side)
    s.single("/zwfw/bmfwzn/", Item("2026-03-01", "云溪县便民服务指南", body="""<p>为方便群众办事，现将全县便民服务中心和便民服务点服务指南公布如下，纸质版在各便民服务中心免费领取。</p>
<h3>一、乡镇便民服务中心</h3>
<p>城关镇便民服务中心：城关镇人民路66号，电话0799-6141001。</p>
<p>河西乡便民服务中心：河西乡河西街18号，电话0799-6152001。</p>
<p>办公时间：周一至周五8:30—12:00，14:30—17:30。</p>
<h3>二、代办事项</h3>
<p>社会保障、社会救助、计划生育、农村土地、残疾人服务等事项，由便民服务中心统一受理、集中办理。</p>
<h3>三、村（社区）便民服务点</h3>
<p>全县48个行政村（社区）均设便民服务点，由村（社区）干部轮流值班，为群众提供代办服务。</p>"""),
             crumbs=(("政务服务", "/zwfw/"),), side=service_side, column="便民服务指南")
    s.page("/zwfw/index.html", "政务服务", f"""<h2>政务服务</h2>
<p><a href="{PROVINCE_HALL}" target="_blank">网上办事大厅（省政务服务网云溪站点）</a></p>
<ul class="list"><li><a href="/zwfw/bssxqd/">办事事项清单</a></li><li><a href="/zwfw/bmfwzn/">便民服务指南</a></li></ul>""",
           column="政务服务", side=service_side)

    # 政民互动 (= 互动交流)
    talk_side = ("政民互动", [("县长信箱", "/zmhd/xzxx/"), ("在线访谈", "/zmhd/zxft/"), ("征集调查", "/zmhd/zjdc/")])
    talk_crumbs = (("政民互动", "/zmhd/"),)
    letter_rows = []
    for title, received, replied, letter, reply, unit in LETTERS:
        it = Item(replied, title, source=unit, body=f"""<table><tr><th>来信时间</th><td>{received}</td></tr>
<tr><th>来信内容</th><td>{letter}</td></tr><tr><th>回复单位</th><td>{unit}</td></tr>
<tr><th>回复时间</th><td>{replied}</td></tr><tr><th>回复内容</th><td>{reply}</td></tr></table>""")
        s.article(f"/zmhd/xzxx/{it.url}", it, column="县长信箱", crumbs=(*talk_crumbs, ("县长信箱", "/zmhd/xzxx/")),
                  side=talk_side)
        letter_rows.append(f'<tr><td><a href="/zmhd/xzxx/{it.url}">{title}</a></td><td>{received}</td>'
                           f'<td>{replied}</td><td>已办结</td></tr>')
    s.page("/zmhd/xzxx/index.html", "县长信箱", f"""<h2>县长信箱</h2>
<p>来信须知：请如实填写姓名和联系方式，我们将在15个工作日内答复。</p>
<table><tr><th>标题</th><th>来信时间</th><th>回复时间</th><th>状态</th></tr>
{chr(10).join(letter_rows)}
</table>""", column="县长信箱", crumbs=talk_crumbs, side=talk_side)
    s.column("/zmhd/zxft/", "在线访谈", [Item("2026-09-22", "县教育局负责人做客在线访谈谈秋季开学"),
                                        Item("2026-06-16", "县医疗保障局负责人解读城乡居民医保政策")],
             crumbs=talk_crumbs, side=talk_side)
    s.column("/zmhd/zjdc/", "征集调查", [Item("2026-10-18", "《云溪县“十五五”综合交通运输发展规划（征求意见稿）》公开征求意见"),
                                        Item("2026-05-08", "2027年县政府民生实事项目征集")],
             crumbs=talk_crumbs, side=talk_side)
    s.page("/zmhd/index.html", "政民互动", f"""<h2>政民互动</h2>
<ul class="list">{"".join(f'<li><a href="{h}">{label}</a></li>' for label, h in talk_side[1])}</ul>""",
           column="政民互动", side=talk_side)

    # special topics, reachable only through document.write on the home page
    for slug, name in [("yhyshj", "优化营商环境"), ("xczx", "乡村振兴在行动")]:
        s.page(f"/ztzl/{slug}/index.html", name, f"<h2>{name}</h2>\n<p>专题内容持续更新中。</p>", column=name,
               crumbs=(("专题专栏", "/"),))
    s.page("/search/index.html", "站内搜索", "<h2>站内搜索</h2>\n<p>请输入关键词进行搜索。</p>", column="站内搜索")
    s.page("/wzdt/index.html", "网站地图", "<h2>网站地图</h2>\n<ul>" + "".join(
        f'<li><a href="{h}">{label}</a></li>' for label, h in [*s.nav[1:], *XXGK_SIDE[1], ("信息公开（旧版）", "/xxgk/")])
        + "</ul>", column="网站地图")
    (SITES_DIR / s.host / "robots.txt").write_text("User-agent: *\nDisallow: /search/\n", encoding="utf-8")
    _portal_home(s)


def _portal_home(s: Site) -> None:
    def links(pairs: list[tuple[str, str]]) -> str:
        return "".join(f'<li><a href="{h}" target="_blank">{label}</a></li>' for label, h in pairs)

    departments = [("县教育局", "http://jyj.yunxi.gov.cn/"), ("县财政局", "http://czj.yunxi.gov.cn/"),
                   ("县卫生健康局", "http://wjw.yunxi.gov.cn/"), ("县生态环境局", "http://www.yunxi.gov.cn/bm/sthjj/"),
                   ("县司法局", "http://sfj.yunxi.gov.cn/")]
    towns = [("城关镇", "http://cgz.yunxi.gov.cn/"), ("河西乡", "http://hxx.yunxi.gov.cn/")]
    content = f"""<div class="search"><form action="/search/" method="get"><input name="q" placeholder="请输入关键词">
<button type="submit">搜索</button></form>
热门搜索：<a href="/search/?q=%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80">政府信息公开</a>
<a href="/search/?q=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A">年度报告</a></div>
<div class="banner"><a href="/zfxxgk/"><img src="/images/xxgk_rk.png"></a>
<a href="/zmhd/xzxx/"><img src="/images/xzxx.png" alt="县长信箱"></a>
<a href="{PROVINCE_HALL}" target="_blank"><img src="/images/wsbsdt.png" alt="网上办事大厅"></a></div>
{_block("政务要闻", "/zwdt/zwyw/", NEWS[:6])}
{_block("通知公告", "/zwdt/tzgg/", NOTICES)}
<div class="block"><h2>信息公开</h2><ul class="list">
<li><a href="/zfxxgk/gkzn/">政府信息公开指南</a></li><li><a href="/zfxxgk/gkml/">政府信息公开目录</a></li>
<li><a href="/zfxxgk/ndbg/">政府信息公开年报</a></li><li><a href="/zfxxgk/ysqgk/">依申请公开</a></li>
<li><a href="/zfxxgk/zfwj/">政府文件</a></li><li><a href="/zfxxgk/ggqysydw/">公共企事业单位信息公开</a></li></ul></div>
<div class="block"><h2>专题专栏</h2><ul class="list" id="ztzl"><script type="text/javascript">
document.write('<li><a href="/ztzl/yhyshj/">优化营商环境</a></li>');
document.write('<li><a href="/ztzl/xczx/">乡村振兴在行动</a></li>');
</script></ul></div>
<div class="block"><h2>部门网站</h2><ul class="list">{links(departments)}</ul></div>
<div class="block"><h2>乡镇（街道）</h2><ul class="list">{links(towns)}</ul></div>
<div class="block"><h2>便民工具</h2><ul class="list"><li><a href="/calendar/">活动日历</a></li>
<li><a href="{PROVINCE_HALL}" target="_blank">网上办事大厅</a></li></ul></div>
<div class="block"><h2>友情链接</h2><ul class="list">
<li><a href="https://www.gov.cn/" target="_blank">中国政府网</a></li>
<li><a href="http://www.example-province.gov.cn/" target="_blank">示范省人民政府</a></li></ul></div>"""
    s.page("/index.html", s.name, content, meta={"ColumnName": "首页"})


def _block(name: str, path: str, items: list[Item]) -> str:
    lines = "".join(f'<li><a href="{path}{it.url}" target="_blank">{it.title}</a><span>{it.date}</span></li>'
                    for it in items[:6])
    return f'<div class="block"><h2>{name}<a href="{path}" class="more">更多&gt;&gt;</a></h2><ul class="list">{lines}</ul></div>'


def _line(s: Site, it: Item, path: str) -> str:
    return f'<li><a href="{path}{it.url}">{it.title}</a><span>{s.list_date(it.date)}</span></li>'


def _statutory_path(item: Item) -> str:
    return next(f"/zfxxgk/fdzdgknr/{slug}/" for slug, _, items in STATUTORY if item in items)


def _category_grid(title: str, base: str, categories: list[tuple[str, str, list[Item]]]) -> str:
    cells = "".join(f'<li><a href="{base}{slug}/">{name}</a><span>{len(items)}条</span></li>'
                    for slug, name, items in categories)
    return f'<h2>{title}</h2>\n<ul class="list">{cells}</ul>'


def main() -> int:
    from crawler.demo.make_departments import build_departments
    from crawler.demo.make_townships import build_townships

    keep = {".pdf", ".xlsx", ".docx", ".png"}  # binaries come from make_documents.py
    for page in SITES_DIR.rglob("*"):
        if page.is_file() and page.suffix not in keep:
            page.unlink()
    build_portal()
    build_departments()
    build_townships()
    (SITES_DIR.parent / "headers.yaml").write_text(
        "# host/path of a served file -> response headers replacing or adding to the defaults.\n"
        "# The 目录 page is GBK (declared in <meta>) but its HTTP header claims UTF-8, as on some real sites.\n"
        "www.yunxi.gov.cn/zfxxgk/gkml/index.html:\n  Content-Type: text/html; charset=utf-8\n", encoding="utf-8")
    pages = sum(1 for p in SITES_DIR.rglob("*.html"))
    print(f"wrote {pages} pages under {SITES_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
