// 苏木镇-level items, implemented by all six 苏木镇 of 乌审旗 (行使层级 5). Basic codes 150000 09xxxx.
// Items that a banner department and the 苏木镇 both implement (低保, 医保参保 …) live with the department.
import { GIVE, HUKOU, ID, P, PE, SERVE, TOWNS, cite, it } from './demo-items-dsl.ts';

const CONTRACT = '《中华人民共和国农村土地承包法》';
const GRASS_SUBSIDY = '《第三轮草原生态保护补助奖励政策实施指导意见》';
const BANK = '?社会保障卡或一卡通账户信息';

export const TOWN_ITEMS = [
  it(TOWNS, '090101', '农村牧区村民宅基地审批', '01', [cite('《中华人民共和国土地管理法》', '第六十二条'), cite('《中华人民共和国土地管理法实施条例》', '第三十四条')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 2, themes: ['不动产', '农牧业'], who: P, visits: 1, steps: ['申请', '嘎查村审查公示', '受理', '联审', '审批', '发放'],
    cond: '本嘎查村集体经济组织成员，一户只能拥有一处宅基地，面积不超过自治区规定的标准。',
    materials: ['农村宅基地和建房（规划许可）申请表', ID, HUKOU, '嘎查村民小组会议讨论通过的意见及公示材料', '?原宅基地退出承诺书'],
    result: ['农村宅基地批准书', '证照', '农村宅基地批准书'], kw: ['宅基地', '盖房', '农村建房'],
  }),
  it(TOWNS, '090102', '嘎查村规民约备案', '11', [cite('《中华人民共和国村民委员会组织法》', '第二十七条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 2, filing: ['notice'], themes: ['其他'], who: [9],
    materials: ['村规民约（村民自治章程）文本', '嘎查村民会议或村民代表会议讨论通过的会议记录'], result: ['村规民约备案回执', '备案凭证'], kw: ['村规民约', '自治章程'],
  }),
  it(TOWNS, '090103', '草原生态保护补助奖励资金申报', '05', [cite('《中华人民共和国草原法》'), cite(GRASS_SUBSIDY)], {
    statutory: [30, 'workday'], promised: [20, 'workday'], online: 2, themes: ['林业草原', '农牧业'], who: P, steps: GIVE,
    materials: ['草原补奖资金申报表', ID, '@草原承包经营权证=草原确权共享数据', BANK], result: ['禁牧补助、草畜平衡奖励资金', '资金发放'], kw: ['禁牧补助', '草畜平衡', '补奖'],
  }),
  it(TOWNS, '090104', '耕地地力保护补贴申报', '05', [cite('《财政部 农业农村部关于全面推开农业"三项补贴"改革工作的通知》')], {
    statutory: [30, 'workday'], promised: [20, 'workday'], online: 2, themes: ['农牧业'], who: P, steps: GIVE,
    materials: ['耕地地力保护补贴申报表', ID, '@土地承包经营权证=承包地确权共享数据', BANK], result: ['耕地地力保护补贴资金', '资金发放'], kw: ['种粮补贴', '耕地补贴'],
  }),
  it(TOWNS, '090105', '农村牧区危房改造补助申请', '05', [cite('《关于做好农村低收入群体等重点对象住房安全保障工作的实施意见》')], {
    statutory: [30, 'workday'], promised: [20, 'workday'], online: 1, themes: ['社会救助', '建设工程'], who: P, visits: 2, steps: ['申请', '嘎查村评议', '受理', '鉴定', '公示', '审批', '发放'],
    materials: ['农村牧区危房改造申请表', ID, HUKOU, '?低保、特困等身份证明（可共享核查）'], result: ['危房改造补助资金', '资金发放'], kw: ['危房', '住房安全'],
  }),
  it(TOWNS, '090106', '农村土地（草牧场）经营权流转服务', '20', [cite(CONTRACT, '第三十六条'), cite('《农村土地经营权流转管理办法》')], {
    statutory: [10, 'workday'], promised: [5, 'workday'], online: 2, themes: ['农牧业', '林业草原'], who: PE, steps: SERVE,
    materials: ['土地经营权流转合同（示范文本）', '流转双方身份证明', '@承包经营权证=承包地确权共享数据'], result: ['流转合同鉴证', '鉴证'], kw: ['土地流转', '草场租赁'],
  }),
  it(TOWNS, '090107', '农村集体经济组织成员身份确认', '07', [cite('《中华人民共和国农村集体经济组织法》')], {
    statutory: [30, 'day'], promised: [20, 'day'], online: 1, themes: ['农牧业'], who: P, steps: ['申请', '嘎查村民会议表决', '公示', '苏木镇备案确认'],
    materials: ['成员身份确认申请书', ID, HUKOU, '?婚姻、收养等关系证明'], result: ['成员身份确认结果', '认定结果'], kw: ['集体成员', '分红'],
  }),
  it(TOWNS, '090108', '农村土地承包经营纠纷调解', '20', [cite('《中华人民共和国农村土地承包经营纠纷调解仲裁法》', '第七条')], {
    statutory: [30, 'day'], promised: [20, 'day'], online: 1, themes: ['农牧业', '司法公证'], who: PE, steps: ['申请', '受理', '调解', '制作调解协议'],
    materials: ['调解申请书', ID, '?承包合同、权属证明等证据材料'], result: ['调解协议书', '协议'], kw: ['草场纠纷', '土地纠纷'],
  }),
  it(TOWNS, '090109', '兵役登记', '07', [cite('《中华人民共和国兵役法》'), cite('《征兵工作条例》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '网上即时办结'], online: 4, themes: ['其他'], who: P,
    cond: '当年12月31日以前年满18周岁的男性公民。', materials: ['兵役登记表（全国征兵网填报）', ID], result: ['兵役登记信息', '登记信息'], kw: ['征兵', '参军'],
  }),
  it(TOWNS, '090110', '惠民殡葬补贴申领', '05', [cite('《殡葬管理条例》'), cite('《关于全面推行惠民殡葬政策的指导意见》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['社会救助'], who: P, steps: ['申请', '受理', '审核', '发放'],
    materials: ['惠民殡葬补贴申请表', '@死亡医学证明=死亡信息共享数据', '经办人身份证件', BANK], result: ['惠民殡葬补贴', '资金发放'], kw: ['丧葬补贴', '火化'],
  }),
  it(TOWNS, '090111', '老年人优待证办理', '20', [cite('《中华人民共和国老年人权益保障法》'), cite('《内蒙古自治区实施〈中华人民共和国老年人权益保障法〉办法》')], {
    statutory: [5, 'workday'], promised: [1, 'workday'], online: 3, themes: ['养老服务'], who: P,
    materials: [ID, '本人近期免冠照片（可现场采集）'], result: ['老年人优待证', '证件'], kw: ['老年证', '优待证'],
  }),
  it(TOWNS, '090112', '自然灾害生活救助', '05', [cite('《自然灾害救助条例》'), cite('《社会救助暂行办法》')], {
    statutory: [15, 'workday'], promised: [5, 'workday'], online: 1, themes: ['社会救助', '安全生产'], who: P, steps: ['申请', '嘎查村评议', '公示', '审核', '发放'],
    materials: ['自然灾害生活救助申请表', ID, '?受灾情况照片或说明'], result: ['自然灾害生活救助资金或物资', '资金发放'], kw: ['白灾', '雪灾', '旱灾', '受灾'],
  }),
  it(TOWNS, '090113', '公益性岗位申请', '20', [cite('《中华人民共和国就业促进法》', '第五十二条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['就业创业', '社会救助'], who: P, steps: ['申请', '资格审核', '公示', '安置'],
    materials: ['公益性岗位申请表', ID, '?就业困难人员认定材料'], result: ['公益性岗位安置', '安置通知'], kw: ['公益岗', '就业援助', '护林员'],
  }),
  it(TOWNS, '090114', '困难群众冬季取暖补贴申领', '05', [cite('《社会救助暂行办法》'), cite('《内蒙古自治区人民政府办公厅关于进一步做好困难群众基本生活保障工作的通知》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['社会救助'], who: P, steps: ['申请', '受理', '审核', '发放'],
    materials: ['取暖补贴申请表', ID, '?低保、特困等身份证明（可共享核查）'], result: ['冬季取暖补贴', '资金发放'], kw: ['取暖费', '烤火费', '冬季'],
  }),
  it(TOWNS, '090115', '高素质农牧民培训报名', '20', [cite('《中华人民共和国乡村振兴促进法》'), cite('《中华人民共和国农业技术推广法》')], {
    statutory: [5, 'workday'], promised: [1, 'workday'], online: 3, themes: ['农牧业', '就业创业'], who: P,
    materials: ['培训报名表', ID], result: ['培训报名回执', '回执'], kw: ['职业农牧民', '技能培训', '养殖技术'],
  }),
];
