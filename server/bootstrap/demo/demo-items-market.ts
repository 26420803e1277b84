// 市场监管 (scjg): market entry, food and drugs, special equipment, metrology. Basic codes 150000 01xxxx.
import { BL, CHECK, ID, P, PE, POA, QUICK, SITE, SITU3, SITU4, STD, cite, it } from './demo-items-dsl.ts';

const FOOD_LAW = '《中华人民共和国食品安全法》';
const REG = '《中华人民共和国市场主体登记管理条例》';
const SE_LAW = '《中华人民共和国特种设备安全法》';

export const MARKET_ITEMS = [
  it('scjg', '010101', '食品经营许可', '01', [cite(FOOD_LAW, '第三十五条'), cite('《食品经营许可和备案管理办法》')], {
    statutory: [10, 'workday'], promised: [3, 'workday'], online: 4, handling: SITU4, themes: ['市场准入', '食品药品'],
    materials: ['食品经营许可申请书', BL, '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', '食品安全自查、从业人员健康管理、进货查验记录等食品安全管理制度', POA],
    result: ['食品经营许可证', '证照', '食品经营许可证'], kw: ['餐饮', '超市', '饭店', '小吃'],
    faq: [['开一家小饭馆需要办理食品经营许可吗？', '需要。仅销售预包装食品的，办理备案即可。']],
  }),
  it('scjg', '010102', '仅销售预包装食品备案', '11', [cite(FOOD_LAW, '第三十五条'), cite('《食品经营许可和备案管理办法》')], {
    statutory: [1, 'workday', '当场备案'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], themes: ['市场准入', '食品药品'],
    materials: ['仅销售预包装食品备案信息采集表', BL], result: ['仅销售预包装食品备案回执', '备案凭证'], kw: ['预包装食品', '便利店'],
  }),
  it('scjg', '010103', '食品生产许可', '01', [cite(FOOD_LAW, '第三十五条'), cite('《食品生产许可管理办法》')], {
    statutory: [10, 'workday'], promised: [7, 'workday'], online: 3, handling: SITU4, themes: ['市场准入', '食品药品'], power: 2, steps: CHECK,
    materials: ['食品生产许可申请书', BL, '食品生产设备布局图和食品生产工艺流程图', '食品生产主要设备、设施清单', '专职或者兼职的食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度', POA],
    result: ['食品生产许可证', '证照', '食品生产许可证'], kw: ['食品厂', '加工'],
  }),
  it('scjg', '010104', '食品生产加工小作坊登记', '01', [cite('《内蒙古自治区食品生产加工小作坊和食品摊贩管理条例》')], {
    statutory: [10, 'workday'], promised: [5, 'workday'], online: 3, handling: SITU4, themes: ['食品药品'], who: PE, steps: CHECK,
    materials: ['食品生产加工小作坊登记申请表', ID, SITE, '生产加工场所平面图及工艺流程说明', '从业人员健康证明'],
    result: ['食品生产加工小作坊登记证', '证照', '食品生产加工小作坊登记证'], kw: ['作坊', '炒米', '奶食品'],
  }),
  it('scjg', '010105', '食品摊贩登记', '07', [cite('《内蒙古自治区食品生产加工小作坊和食品摊贩管理条例》')], {
    statutory: [5, 'workday'], promised: [1, 'workday'], online: 3, handling: SITU3, themes: ['食品药品'], who: P,
    materials: ['食品摊贩登记申请表', ID, '从业人员健康证明'], result: ['食品摊贩登记卡', '证照'], kw: ['摊点', '流动摊贩'],
  }),
  it('scjg', '010201', '个体工商户登记', '01', [cite(REG, '第十九条'), cite('《促进个体工商户发展条例》')], {
    statutory: [3, 'workday'], promised: [1, 'workday'], online: 4, handling: SITU3, themes: ['市场准入', '就业创业'], who: P,
    materials: ['个体工商户登记（备案）申请书', ID, SITE, POA], result: ['营业执照', '证照', '营业执照'], kw: ['开店', '个体户', '营业执照'],
  }),
  it('scjg', '010202', '公司登记（设立、变更、注销）', '01', [cite('《中华人民共和国公司法》', '第二十九条'), cite(REG, '第十九条')], {
    statutory: [3, 'workday'], promised: [1, 'workday'], online: 4, handling: SITU3, themes: ['市场准入'],
    materials: ['公司登记（备案）申请书', '公司章程', '股东的主体资格证明或者自然人身份证件', '法定代表人、董事、监事和高级管理人员的任职文件', SITE, POA],
    result: ['营业执照', '证照', '营业执照'], kw: ['开公司', '注册公司', '注销'],
  }),
  it('scjg', '010203', '农民专业合作社登记', '01', [cite('《中华人民共和国农民专业合作社法》', '第十六条'), cite(REG)], {
    statutory: [3, 'workday'], promised: [1, 'workday'], online: 3, handling: SITU3, themes: ['市场准入', '农牧业'], who: [1, 9],
    materials: ['农民专业合作社登记（备案）申请书', '全体设立人签名、盖章的设立大会纪要', '全体设立人签名、盖章的章程', '成员名册及成员身份证明', '法定代表人、理事的任职文件及身份证明', SITE],
    result: ['营业执照', '证照', '营业执照'], kw: ['合作社', '农牧民'],
  }),
  it('scjg', '010204', '股权出质登记', '10', [cite('《中华人民共和国民法典》', '第四百四十三条'), cite('《股权出质登记办法》')], {
    statutory: [1, 'workday', '当场办理'], promised: [1, 'workday'], online: 4, handling: SITU3, themes: ['市场准入'], who: PE,
    materials: ['股权出质登记申请书', '质押合同', '出质人、质权人的主体资格证明或者自然人身份证件', POA],
    result: ['股权出质登记通知书', '文书'], kw: ['质押', '股权'],
  }),
  it('scjg', '010205', '企业经营异常名录移出', '10', [cite('《企业信息公示暂行条例》'), cite('《企业经营异常名录管理暂行办法》', undefined, '部门规章')], {
    statutory: [5, 'workday'], promised: [2, 'workday'], online: 4, themes: ['市场准入'], steps: STD,
    materials: ['移出经营异常名录申请书', '补报的年度报告或者更正的公示信息'], result: ['移出经营异常名录决定书', '文书'], kw: ['异常名录', '信用修复'],
  }),
  it('scjg', '010206', '企业年度报告公示', '20', [cite('《企业信息公示暂行条例》', '第八条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '提交即公示'], online: 4, themes: ['市场准入'], steps: QUICK,
    cond: '企业于每年1月1日至6月30日报送上一年度年度报告。', materials: ['企业年度报告（网上填报）'], result: ['年度报告公示信息', '公示信息'], kw: ['年报'],
  }),
  it('scjg', '010301', '药品零售企业许可', '01', [cite('《中华人民共和国药品管理法》', '第五十一条'), cite('《药品经营和使用质量监督管理办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU4, themes: ['市场准入', '食品药品'], power: 2, steps: CHECK,
    materials: ['药品经营许可证申请表', BL, '质量负责人、质量管理部门负责人的执业药师注册证明', '经营场所、仓库平面布置图及产权或者使用权证明', '药品质量管理制度文件目录', POA],
    result: ['药品经营许可证', '证照', '药品经营许可证'], kw: ['药店', '药房'],
  }),
  it('scjg', '010302', '第二类医疗器械经营备案', '11', [cite('《医疗器械监督管理条例》', '第四十一条'), cite('《医疗器械经营监督管理办法》')], {
    statutory: [1, 'workday', '当场备案'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], power: 2, themes: ['食品药品', '医疗卫生'],
    materials: ['第二类医疗器械经营备案表', BL, '经营场所和库房的地理位置图、平面图及产权或者使用权证明', '质量管理制度文件目录'],
    result: ['第二类医疗器械经营备案凭证', '备案凭证', '第二类医疗器械经营备案凭证'], kw: ['医疗器械', '血压计', '体温计'],
  }),
  it('scjg', '010401', '特种设备使用登记', '01', [cite(SE_LAW, '第三十三条'), cite('《特种设备使用管理规则》', undefined, '规范性文件')], {
    statutory: [15, 'workday'], promised: [1, 'workday'], online: 4, handling: SITU3, themes: ['安全生产'], power: 2, who: [1, 2, 3, 5, 9],
    materials: ['特种设备使用登记表', BL, '特种设备产品合格证', '特种设备监督检验证明'],
    result: ['特种设备使用登记证', '证照', '特种设备使用登记证'], kw: ['电梯', '锅炉', '压力容器', '叉车'],
  }),
  it('scjg', '010402', '特种设备安装改造修理告知', '11', [cite(SE_LAW, '第二十三条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], power: 2, themes: ['安全生产'],
    materials: ['特种设备安装改造修理告知单', '施工单位特种设备生产许可证明'], result: ['特种设备安装改造修理告知回执', '备案凭证'], kw: ['电梯安装', '施工告知'],
  }),
  it('scjg', '010501', '计量标准器具核准', '01', [cite('《中华人民共和国计量法》'), cite('《中华人民共和国计量法实施细则》', undefined, '行政法规')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 2, handling: SITU4, themes: ['市场准入'], who: [2, 3, 5], steps: CHECK,
    materials: ['计量标准考核（复查）申请书', '计量标准技术报告', '计量标准器及主要配套设备的有效检定或者校准证书', '检定或者校准人员能力证明'],
    result: ['计量标准考核证书', '证照'], kw: ['计量', '计量器具'],
  }),
  it('scjg', '010502', '强制检定工作计量器具检定', '20', [cite('《中华人民共和国计量法》'), cite('《中华人民共和国强制检定的工作计量器具检定管理办法》', undefined, '行政法规')], {
    statutory: [10, 'workday'], promised: [5, 'workday'], online: 2, themes: ['市场准入'], who: [1, 2, 3, 5, 9],
    materials: ['强制检定工作计量器具登记表', '计量器具清单'], result: ['检定证书', '证书'], kw: ['计量器具', '加油机', '电子秤', '出租车计价器'],
    fees: [['计量检定费', '按自治区发展改革委核定的计量检定收费标准执行', '《中华人民共和国计量法》']],
  }),
  it('scjg', '010601', '消费者投诉处理', '20', [cite('《中华人民共和国消费者权益保护法》', '第四十六条'), cite('《市场监督管理投诉举报处理暂行办法》', undefined, '部门规章')], {
    statutory: [7, 'workday', '自收到投诉之日起决定是否受理'], promised: [5, 'workday'], online: 4, themes: ['市场准入'], who: P,
    materials: ['投诉书（网上、电话或现场口述记录）', ID], result: ['投诉处理告知', '告知书'], kw: ['12315', '投诉', '维权'],
  }),
];
