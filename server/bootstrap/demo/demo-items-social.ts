// 民政 (mzj) and 退役军人事务 (tyjr); social assistance is also taken in by every 苏木镇. Basic codes 150000 02xxxx.
import { GIVE, HUKOU, ID, ORG, P, POA, QUICK, SITU2, SITU3, STD, TOWNS, cite, it } from './demo-items-dsl.ts';

const RELIEF = '《社会救助暂行办法》';
const CIVIL = '《中华人民共和国民法典》';
const MARRIAGE = '《婚姻登记条例》';
const CARE = '《军人抚恤优待条例》';
const MZJ_TOWNS = ['mzj', ...TOWNS];
const INCOME = '?家庭收入、财产状况证明材料（可经核对系统共享核查）';

export const SOCIAL_ITEMS = [
  it(MZJ_TOWNS, '020101', '最低生活保障对象认定', '07', [cite(RELIEF, '第十一条'), cite('《最低生活保障审核确认办法》', undefined, '规范性文件')], {
    statutory: [30, 'workday'], promised: [15, 'workday'], online: 3, handling: ['新设', '变更', '注销'], themes: ['社会救助'], who: P, steps: GIVE,
    cond: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请。',
    materials: ['最低生活保障申请书', ID, HUKOU, '家庭经济状况核对授权书', INCOME, '?残疾人证、病历等特殊情况证明'],
    result: ['最低生活保障金领取证', '证照'], kw: ['低保', '困难群众'],
  }),
  it(MZJ_TOWNS, '020102', '特困人员认定', '07', [cite(RELIEF, '第十四条'), cite('《特困人员认定办法》', undefined, '规范性文件')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 2, handling: SITU3, themes: ['社会救助', '养老服务'], who: P, steps: GIVE,
    cond: '无劳动能力、无生活来源、且无法定赡养抚养扶养义务人或者其义务人无履行能力的老年人、残疾人以及未成年人。',
    materials: ['特困人员救助供养申请书', ID, HUKOU, '家庭经济状况核对授权书', '?残疾人证'],
    result: ['特困人员救助供养证', '证照'], kw: ['五保', '特困供养'],
  }),
  it(MZJ_TOWNS, '020103', '临时救助', '05', [cite(RELIEF, '第四十七条'), cite('《国务院关于全面建立临时救助制度的通知》')], {
    statutory: [15, 'workday'], promised: [5, 'workday', '急难型救助先行救助、事后补充说明'], online: 3, themes: ['社会救助'], who: P, steps: GIVE,
    cond: '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或者个人。',
    materials: ['临时救助申请书', ID, HUKOU, '?遭遇困难的相关证明材料', '家庭经济状况核对授权书'],
    result: ['临时救助金', '资金发放'], kw: ['急难救助', '救急'],
  }),
  it(MZJ_TOWNS, '020104', '困难残疾人生活补贴和重度残疾人护理补贴', '05', [cite('《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, handling: ['新设', '注销'], themes: ['社会救助'], who: P, steps: GIVE,
    materials: ['残疾人两项补贴申请审批表', ID, '@残疾人证=残疾人证电子证照', '?银行账户信息'], result: ['残疾人两项补贴', '资金发放'], kw: ['两项补贴', '残疾人'],
  }),
  it(MZJ_TOWNS, '020105', '高龄老人津贴发放', '05', [cite('《中华人民共和国老年人权益保障法》', '第三十三条'), cite('《内蒙古自治区实施〈中华人民共和国老年人权益保障法〉办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, themes: ['养老服务'], who: P, steps: GIVE,
    cond: '具有本旗户籍、年满80周岁的老年人。', materials: ['高龄津贴申请表', ID, HUKOU], result: ['高龄津贴', '资金发放'], kw: ['80岁', '老年人', '津贴'],
  }),
  it('mzj', '020201', '内地居民结婚登记', '07', [cite(CIVIL, '第一千零四十九条'), cite(MARRIAGE)], {
    statutory: [1, 'workday', '当场办理'], promised: [0, 'workday', '当场办结'], online: 2, themes: ['婚姻登记'], who: P, visits: 1,
    cond: '男女双方完全自愿，达到法定婚龄，双方均无配偶，且没有禁止结婚的亲属关系，共同到婚姻登记机关申请。',
    materials: ['本人的居民身份证', '本人的户口簿', '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', '双方近期半身免冠合影照片'],
    result: ['结婚证', '证照', '结婚证'], kw: ['结婚', '领证'],
  }),
  it('mzj', '020202', '内地居民离婚登记', '07', [cite(CIVIL, '第一千零七十六条'), cite(CIVIL, '第一千零七十七条'), cite(MARRIAGE)], {
    statutory: [30, 'day', '离婚冷静期届满后30日内双方亲自到场申请发证'], promised: [30, 'day'], online: 1, themes: ['婚姻登记'], who: P, visits: 2,
    cond: '夫妻双方自愿离婚，对子女抚养、财产以及债务处理等事项协商一致，共同到婚姻登记机关申请。',
    materials: ['本人的居民身份证', '本人的户口簿', '本人的结婚证', '双方当事人共同签署的离婚协议书'],
    result: ['离婚证', '证照', '离婚证'], kw: ['离婚', '冷静期'],
  }),
  it('mzj', '020203', '补领婚姻登记证', '07', [cite(MARRIAGE)], {
    statutory: [1, 'workday', '当场办理'], promised: [0, 'workday'], online: 2, themes: ['婚姻登记'], who: P, visits: 1,
    materials: ['本人的居民身份证', '本人的户口簿', '本人近期半身免冠照片'], result: ['结婚证或离婚证', '证照'], kw: ['补办结婚证'],
  }),
  it('mzj', '020204', '收养登记', '07', [cite(CIVIL, '第一千一百零五条'), cite('《中国公民收养子女登记办法》')], {
    statutory: [30, 'day'], promised: [20, 'day'], online: 1, themes: ['婚姻登记'], who: P, visits: 2,
    materials: ['收养登记申请书', '收养人的居民户口簿和居民身份证', '收养人的婚姻状况和有无子女的声明', '县级以上医疗机构出具的未患有不应当收养子女的疾病的身体健康检查证明', '送养人的相关证明材料'],
    result: ['收养登记证', '证照'], kw: ['收养'],
  }),
  it('mzj', '020301', '社会团体成立登记', '01', [cite('《社会团体登记管理条例》'), cite('《中华人民共和国民法典》', '第九十条')], {
    statutory: [60, 'day'], promised: [30, 'day'], online: 3, handling: ['新设', '变更', '注销'], themes: ['其他'], who: ORG,
    materials: ['社会团体成立登记申请书', '业务主管单位的批准文件', '验资报告、场所使用权证明', '发起人和拟任负责人的基本情况、身份证明', '章程草案'],
    result: ['社会团体法人登记证书', '证照', '社会团体法人登记证书'], kw: ['协会', '商会', '学会'],
  }),
  it('mzj', '020302', '民办非企业单位成立登记', '01', [cite('《民办非企业单位登记管理暂行条例》', undefined, '行政法规')], {
    statutory: [60, 'day'], promised: [30, 'day'], online: 3, handling: SITU3, themes: ['其他'], who: ORG,
    materials: ['民办非企业单位成立登记申请书', '业务主管单位的批准文件', '场所使用权证明', '验资报告', '拟任负责人的基本情况、身份证明', '章程草案'],
    result: ['民办非企业单位登记证书', '证照', '民办非企业单位登记证书'], kw: ['社会服务机构', '民非'],
  }),
  it('mzj', '020303', '养老机构备案', '11', [cite('《中华人民共和国老年人权益保障法》', '第四十三条'), cite('《养老机构管理办法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], themes: ['养老服务'], who: ORG,
    materials: ['养老机构备案书', '养老机构备案承诺书', '@登记证书=法人登记电子证照'], result: ['养老机构备案回执', '备案凭证'], kw: ['养老院', '敬老院'],
  }),
  it('mzj', '020304', '孤儿基本生活费发放', '05', [cite('《国务院办公厅关于加强孤儿保障工作的意见》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['社会救助'], who: P, steps: GIVE,
    materials: ['孤儿基本生活费申请表', '儿童身份证件或户口簿', '父母死亡或者宣告失踪的证明'], result: ['孤儿基本生活费', '资金发放'], kw: ['孤儿', '儿童福利'],
  }),
  it('mzj', '020305', '事实无人抚养儿童基本生活补贴', '05', [cite('《关于进一步加强事实无人抚养儿童保障工作的意见》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['社会救助'], who: P, steps: GIVE,
    materials: ['事实无人抚养儿童基本生活补贴申请表', '儿童户口簿', '父母重残、重病、服刑等情况的证明材料'], result: ['事实无人抚养儿童基本生活补贴', '资金发放'], kw: ['留守儿童', '困境儿童'],
  }),
  it('mzj', '020306', '地名命名、更名审批', '10', [cite('《地名管理条例》'), cite('《地名管理条例实施办法》')], {
    statutory: [60, 'day'], promised: [30, 'day'], online: 1, handling: SITU2, themes: ['其他'], who: [2, 3, 6, 9],
    materials: ['地名命名（更名）申请书', '拟命名（更名）的理由及拟用地名的含义、来源说明', '地名方案论证材料'], result: ['地名命名（更名）批复', '批复'], kw: ['路名', '小区名称'],
  }),
  it(['tyjr', ...TOWNS], '020401', '退役军人优待证申领', '20', [cite('《中华人民共和国退役军人保障法》'), cite('《退役军人、其他优抚对象优待证管理办法（试行）》', undefined, '规范性文件')], {
    statutory: [30, 'day'], promised: [20, 'day'], online: 4, themes: ['退役军人'], who: P,
    materials: ['优待证申领登记表', ID, '@退役证明=退役军人信息共享数据', '本人近期免冠照片'], result: ['退役军人优待证', '证件'], kw: ['优待证', '老兵'],
  }),
  it('tyjr', '020402', '伤残抚恤金给付', '05', [cite(CARE), cite('《伤残抚恤管理办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['退役军人'], who: P, steps: GIVE,
    materials: ['伤残抚恤关系接收登记表', '@残疾军人证=残疾军人证电子证照', ID, HUKOU], result: ['伤残抚恤金', '资金发放'], kw: ['伤残军人', '抚恤'],
  }),
  it('tyjr', '020403', '在乡复员军人定期生活补助', '05', [cite(CARE)], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['退役军人'], who: P, steps: GIVE,
    materials: ['定期生活补助申请表', ID, '复员证明或者档案记载'], result: ['定期生活补助', '资金发放'], kw: ['复员军人'],
  }),
  it('tyjr', '020404', '烈士遗属定期抚恤金给付', '05', [cite('《烈士褒扬条例》'), cite(CARE)], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['退役军人'], who: P, steps: GIVE,
    materials: ['定期抚恤金申请表', '@烈士证明书=烈士褒扬信息共享数据', ID, HUKOU], result: ['定期抚恤金', '资金发放'], kw: ['烈士', '遗属'],
  }),
  it('tyjr', '020405', '退役士兵自主就业一次性经济补助金给付', '05', [cite('《退役士兵安置条例》'), cite('《中华人民共和国退役军人保障法》')], {
    statutory: [30, 'day'], promised: [15, 'day'], online: 2, themes: ['退役军人', '就业创业'], who: P, steps: ['受理', '审核', '发放'],
    materials: ['退役士兵自主就业登记表', '退出现役证', ID, '?银行账户信息'], result: ['一次性经济补助金', '资金发放'], kw: ['自主就业', '退役士兵'],
  }),
  it('tyjr', '020406', '退役军人服务站信息采集', '20', [cite('《中华人民共和国退役军人保障法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday'], online: 4, themes: ['退役军人'], who: P, steps: QUICK,
    materials: ['退役军人信息采集表', ID], result: ['信息采集回执', '回执'], kw: ['信息采集', '悬挂光荣牌'],
  }),
  it('mzj', '020307', '慈善组织公开募捐资格', '01', [cite('《中华人民共和国慈善法》', '第二十二条'), cite('《慈善组织公开募捐管理办法》')], {
    statutory: [20, 'day'], promised: [15, 'day'], online: 3, themes: ['其他'], who: ORG, steps: STD,
    materials: ['公开募捐资格申请书', '注册后开展活动的情况说明', '财务会计报告', '公开募捐活动的内部管理制度'], result: ['公开募捐资格证书', '证照'], kw: ['募捐', '慈善'],
  }),
  it('mzj', '020308', '殡葬设施建设审批（农村公益性墓地）', '01', [cite('《殡葬管理条例》', '第八条')], {
    statutory: [20, 'workday'], promised: [15, 'workday'], online: 1, themes: ['其他'], who: [6, 9], visits: 2, steps: STD,
    materials: ['农村公益性墓地建设申请书', '苏木镇人民政府审核意见', '建设用地和规划相关材料', POA], result: ['准予建设的批复', '批复'], kw: ['公墓', '殡葬'],
  }),
];
