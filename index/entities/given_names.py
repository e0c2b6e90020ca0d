"""Given names and family names that mark a person: "Sergei Radchenko", "Li Hongzhong", no title needed.

Kept to names that are rarely anything else in English text about the region: Russian, Ukrainian,
Belarusian and Central Asian given names (transliteration variants included), and the common
Chinese family names that are not also English words. A name from here followed by one capitalised
word is read as a person when nothing longer or better trusted claims those words.
"""

from __future__ import annotations

GIVEN_NAMES = frozenset(
    """
    Alexander Aleksandr Alexandr Alexei Alexey Aleksei Aleksey Anatoly Anatoliy Andrei Andrey Anton Arkady
    Artem Artyom Boris Denis Dmitry Dmitri Dmytro Evgeny Evgeniy Yevgeny Yevgeniy Fyodor Fedor Gennady
    Gennadiy Georgy Georgiy Gleb Grigory Grigoriy Igor Ilya Ivan Kirill Konstantin Leonid Maxim Maksim
    Mikhail Mykhailo Nikolai Nikolay Mykola Oleg Oleksandr Oleksiy Pavel Pavlo Pyotr Petro Ruslan Sergei
    Sergey Serhiy Stanislav Taras Vadim Vadym Valery Valeriy Valentin Vasily Vasiliy Vasyl Viktor Vitaly
    Vitaliy Vladimir Volodymyr Vladislav Vyacheslav Yaroslav Yuri Yuriy Yury Zakhar Ramzan Rustam Timur
    Temur Askar Kairat Nursultan Kassym-Jomart Shavkat Sadyr Almazbek Emomali Bakhtiyor Nurlan
    Yerlan Serik Marat Ilham Nikol Serzh Levan Irakli Mikheil Bidzina
    Tatiana Tatyana Elena Yelena Olga Natalia Natalya Irina Svetlana Ekaterina Yekaterina Lyudmila
    Valentina Galina Marina Alexandra Aleksandra Daria Darya Anastasia Elvira Ksenia Kseniya Yulia
    Yuliya Oksana Lyubov Nadezhda Veronika Sviatlana Alina Zhanna Maria Anna Nina Vera Polina Elizaveta
    Larisa Inna Lilia Tamara Raisa Zoya Nadia Dina Elina Alla Ludmila Nataliya Yana Kristina Viktoria
    Viktoriya Evgenia Yevgenia Valeria Anzhela Liliya Ulyana Sofya Margarita Asel Aigerim Dariga Gulnara
    """.split()
)

# Family names first, as Chinese names are written ("Li Hongzhong"); none of these is an English word
# or the end of a place ("He", "Ma", "Yu", "Sun", "Long", "Tan", "Fan" and "Kong" are left out).
CHINESE_FAMILY_NAMES = frozenset(
    """
    Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Zhu Gao Lin Guo Luo Liang Zheng Xie Tang Feng Dong
    Xiao Cheng Cao Yuan Deng Shen Zeng Peng Jiang Cai Jia Ding Wei Xue Pan Dai Xia Zhong Tian Ren Qin
    Hu Mao Xi Qian Fu Lu Yan Ye Cui Meng Qiu Qu Du Su Shi Hou Bai Kang Hao Geng Yin Duan Lei
    """.split()
)

# Words that follow such a name without making a person of it: "the Tang Dynasty", "Han Chinese", and
# the verbs of a headline in title case ("Wang Says China Will Act").
NOT_SURNAMES = frozenset(
    "Dynasty Dynasties Empire Era Period Chinese Russian Street Square Road Avenue Says Said Warns Calls "
    "Visits Meets Urges Signs Backs Denies Vows Plans Seeks Tells Slams Is Was Will Has".split()
)
